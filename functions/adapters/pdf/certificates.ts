import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * The two certificates of the portal as real PDF documents (A4, Helvetica): what an
 * employer hands to an employee or keeps in the personnel file. The NIR is masked on them
 * (an employer-side document; the employee's full number is on their carte Vitale).
 */
export interface CertificateData {
  kind: 'affiliation' | 'radiation';
  reference: string;
  generatedAt: string;
  insurer: { name: string; address: string; phone: string };
  company: { name: string; siret: string; establishmentName: string; establishmentSiret: string };
  employee: { civilite: string; firstName: string; lastName: string; birthDate: string; maskedNir: string };
  contract: { number: string; product: string; statut: string; risque: string };
  effectiveDate: string;
  endDate: string | null;
  radiationReason: string | null;
  portabilite: { eligible: boolean; months: number; from: string | null; to: string | null } | null;
  beneficiaries: { kind: string; firstName: string; lastName: string; birthDate: string }[];
}

const frenchDate = (iso: string | null) => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '—');
const BLUE = rgb(0.07, 0.21, 0.36);

class Writer {
  private y = 800;
  constructor(
    private readonly page: PDFPage,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {}
  title(text: string) {
    this.page.drawText(text, { x: 50, y: this.y, size: 18, font: this.bold, color: BLUE });
    this.y -= 30;
  }
  heading(text: string) {
    this.y -= 8;
    this.page.drawText(text, { x: 50, y: this.y, size: 12, font: this.bold, color: BLUE });
    this.y -= 18;
  }
  line(label: string, value: string) {
    this.page.drawText(label, { x: 50, y: this.y, size: 10, font: this.bold });
    this.page.drawText(value, { x: 230, y: this.y, size: 10, font: this.regular });
    this.y -= 15;
  }
  text(value: string, size = 10) {
    for (const chunk of wrap(value, 95)) {
      this.page.drawText(chunk, { x: 50, y: this.y, size, font: this.regular });
      this.y -= size + 4;
    }
  }
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if ((current + ' ' + word).trim().length > width) {
      lines.push(current);
      current = word;
    } else current = `${current} ${word}`.trim();
  }
  if (current) lines.push(current);
  return lines;
}

export async function renderCertificate(data: CertificateData): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const title = data.kind === 'affiliation' ? 'Certificat d’affiliation' : 'Attestation de radiation';
  pdf.setTitle(`${title} — ${data.employee.firstName} ${data.employee.lastName}`);
  pdf.setAuthor(data.insurer.name);
  pdf.setSubject(`Référence ${data.reference}`);
  pdf.setCreationDate(new Date(data.generatedAt));
  const page = pdf.addPage([595.28, 841.89]);
  const w = new Writer(
    page,
    await pdf.embedFont(StandardFonts.Helvetica),
    await pdf.embedFont(StandardFonts.HelveticaBold),
  );
  w.text(`${data.insurer.name} — ${data.insurer.address} — ${data.insurer.phone}`, 9);
  w.title(title);
  w.line('Référence', data.reference);
  w.line('Date d’édition', frenchDate(data.generatedAt));
  w.heading('Entreprise');
  w.line('Raison sociale', data.company.name);
  w.line('SIRET', data.company.siret);
  w.line('Établissement', `${data.company.establishmentName} (SIRET ${data.company.establishmentSiret})`);
  w.heading('Salarié');
  w.line(
    'Nom',
    `${data.employee.civilite === 'MME' ? 'Mme' : 'M.'} ${data.employee.firstName} ${data.employee.lastName}`,
  );
  w.line('Date de naissance', frenchDate(data.employee.birthDate));
  w.line('N° de sécurité sociale', data.employee.maskedNir);
  w.heading('Contrat');
  w.line('Contrat employeur', data.contract.number);
  w.line('Garantie', `${data.contract.product} (${data.contract.risque})`);
  w.line('Statut', data.contract.statut);
  w.line('Date d’effet', frenchDate(data.effectiveDate));
  w.line('Date de fin', frenchDate(data.endDate));
  if (data.kind === 'radiation') {
    w.line('Motif', data.radiationReason ?? '—');
    if (data.portabilite?.eligible) {
      w.line(
        'Portabilité',
        `${data.portabilite.months} mois, du ${frenchDate(data.portabilite.from)} au ${frenchDate(data.portabilite.to)}`,
      );
    } else {
      w.line('Portabilité', 'Non applicable pour ce motif de fin de contrat');
    }
  }
  w.heading('Bénéficiaires couverts');
  if (data.beneficiaries.length === 0) w.text('Aucun ayant droit.');
  for (const person of data.beneficiaries) {
    w.line(
      person.kind === 'conjoint' ? 'Conjoint' : 'Enfant',
      `${person.firstName} ${person.lastName}, né(e) le ${frenchDate(person.birthDate)}`,
    );
  }
  w.heading('Attestation');
  w.text(
    data.kind === 'affiliation'
      ? `${data.insurer.name} certifie que le salarié désigné ci-dessus est affilié au régime frais de santé collectif obligatoire de son entreprise au titre du contrat indiqué, à compter du ${frenchDate(data.effectiveDate)}${data.endDate ? ` et jusqu’au ${frenchDate(data.endDate)}` : ''}.`
      : `${data.insurer.name} atteste que l’affiliation du salarié désigné ci-dessus a pris fin le ${frenchDate(data.endDate)}.${data.portabilite?.eligible ? ' Ses garanties sont maintenues gratuitement au titre de la portabilité pour la durée indiquée, sous réserve de sa prise en charge par l’assurance chômage.' : ''}`,
  );
  return pdf.save();
}
