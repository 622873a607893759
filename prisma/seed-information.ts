// The demo fund's information channels (issue #18): its offices and opening hours, the phone line's hours, its DPO,
// the date of the last accessibility check, and a few published issues of the bulletin for the public archive.
import type { PrismaClient } from "@/lib/generated/prisma/client";

const weekdays = (opens: string, closes: string) => [1, 2, 3, 4, 5].map((day) => ({ day, opens, closes }));

/** The Fund row's contact reference data (prisma/seed.ts writes it with the fund). */
export function demoFundContact(today: string) {
  return {
    phoneHours: weekdays("08:30", "16:30"),
    offices: [
      { name: "Bruxelles / Brussel", street: "Rue de la Loi 16", postalCode: "1000", city: "Bruxelles", hours: [...weekdays("09:00", "12:00"), { day: 3, opens: "13:30", closes: "16:00" }] },
      { name: "Liège", street: "Boulevard de la Sauvenière 50", postalCode: "4000", city: "Liège", hours: [1, 3, 5].map((day) => ({ day, opens: "09:00", closes: "12:30" })) },
      { name: "Gent", street: "Kouter 7", postalCode: "9000", city: "Gent", hours: [2, 4].map((day) => ({ day, opens: "09:00", closes: "15:00" })) },
    ],
    dpoEmail: "dpo@demo.caisse.be",
    accessibilityCheckedOn: new Date(`${today}T00:00:00.000Z`),
  };
}

/** Three issues already published (no e-mail: nobody was subscribed yet). */
export async function seedBulletins(prisma: PrismaClient, authorId: string, today: string) {
  const at = (daysBefore: number) => new Date(Date.parse(`${today}T09:00:00.000Z`) - daysBefore * 86_400_000);
  await prisma.bulletin.createMany({
    data: [
      {
        topic: "CONTRIBUTIONS",
        titleFr: "Vos cotisations provisoires 2027",
        bodyFr: "Les montants de 2027 sont connus : vos avis d'appel du premier trimestre partent début janvier.\n\nVos revenus ont changé ? Demandez une adaptation de vos cotisations provisoires depuis votre espace en ligne, avant l'échéance.",
        titleNl: "Uw voorlopige bijdragen 2027",
        bodyNl: "De bedragen voor 2027 zijn bekend: uw bijdrageberichten van het eerste kwartaal vertrekken begin januari.\n\nZijn uw inkomsten veranderd? Vraag een aanpassing van uw voorlopige bijdragen aan vanuit uw online dossier, voor de vervaldag.",
        status: "PUBLISHED", publishedAt: at(20), authorId, publishedById: authorId,
      },
      {
        topic: "BENEFITS",
        titleFr: "Aide à la maternité : pensez aux titres-services",
        bodyFr: "Après une naissance, vous recevez 105 titres-services gratuits. Nous vous les proposons dès que la naissance nous est connue : répondez simplement au message dans votre espace en ligne.",
        titleNl: "Moederschapshulp: denk aan de dienstencheques",
        bodyNl: "Na een geboorte ontvangt u 105 gratis dienstencheques. We bieden ze u aan zodra we van de geboorte op de hoogte zijn: antwoord gewoon op het bericht in uw online dossier.",
        status: "PUBLISHED", publishedAt: at(45), authorId, publishedById: authorId,
      },
      {
        topic: "FUND_NEWS",
        titleFr: "Fermeture de nos bureaux entre Noël et Nouvel An",
        bodyFr: "Nos bureaux seront fermés du 24 décembre au 1er janvier. Notre ligne téléphonique reste ouverte les jours ouvrables et votre espace en ligne est disponible à tout moment.",
        titleNl: "Onze kantoren gesloten tussen Kerstmis en Nieuwjaar",
        bodyNl: "Onze kantoren zijn gesloten van 24 december tot 1 januari. Onze telefoonlijn blijft op werkdagen open en uw online dossier is altijd beschikbaar.",
        status: "PUBLISHED", publishedAt: at(5), authorId, publishedById: authorId,
      },
    ],
  });
}
