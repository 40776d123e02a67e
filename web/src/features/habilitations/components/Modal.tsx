// The dialog moved to shared/components/Modal (pré-affiliation and others use it too); this
// re-export keeps the features that import it from here working until they switch.
export { Modal, useReturnFocus } from '../../../shared/components/Modal';
