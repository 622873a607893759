// The shapes of the affiliation processing screens.
export type WelcomeOutcome = {
  affiliateId: string;
  welcomePackId: string;
  /** the quarters from the start quarter to today's, and the provisional calls the dossier has for them */
  quarters: string[];
  callsCreated: number;
  emailQueued: boolean;
  /** the affiliate's portal login (created here when the person has an e-mail no other account uses), or null */
  userId: string | null;
};
