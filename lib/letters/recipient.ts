// The recipient block of every letter: the person's or company's name and postal address, as the dossier holds them.
// The DAL hands the dossier's row; the letters print what this returns.

type Place = { street: string; postalCode: string; city: string };
export type Holder = { person: ({ firstName: string; lastName: string } & Place) | null; company: ({ name: string } & Place) | null };

export type Recipient = { addressee: string; address: string[] };

export function recipientOf(a: Holder): Recipient {
  const place = a.person ?? a.company;
  return {
    addressee: a.person ? `${a.person.firstName} ${a.person.lastName}` : (a.company?.name ?? ""),
    address: place ? [place.street, `${place.postalCode} ${place.city}`] : [],
  };
}
