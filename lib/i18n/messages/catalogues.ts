// Every catalogue, imported once, for the server-side translator (lib/i18n/translator.ts). The pages load theirs
// per request through next-intl (index.ts); both read the same files.
import type { AppLocale } from "../config";
import type { Catalog } from "./index";
import fr_common from "./fr/common.json";
import fr_public from "./fr/public.json";
import fr_me from "./fr/me.json";
import fr_domain from "./fr/domain.json";
import fr_staff from "./fr/staff.json";
import fr_money_operations from "./fr/money-operations.json";
import fr_self_service from "./fr/self-service.json";
import fr_back_office from "./fr/back-office.json";
import fr_dashboards from "./fr/dashboards.json";
import fr_benefits from "./fr/benefits.json";
import fr_information from "./fr/information.json";
import fr_accountants from "./fr/accountants.json";
import nl_common from "./nl/common.json";
import nl_public from "./nl/public.json";
import nl_me from "./nl/me.json";
import nl_domain from "./nl/domain.json";
import nl_staff from "./nl/staff.json";
import nl_money_operations from "./nl/money-operations.json";
import nl_self_service from "./nl/self-service.json";
import nl_back_office from "./nl/back-office.json";
import nl_dashboards from "./nl/dashboards.json";
import nl_benefits from "./nl/benefits.json";
import nl_information from "./nl/information.json";
import nl_accountants from "./nl/accountants.json";
import de_common from "./de/common.json";
import de_public from "./de/public.json";
import de_me from "./de/me.json";
import de_domain from "./de/domain.json";
import de_staff from "./de/staff.json";
import de_money_operations from "./de/money-operations.json";
import de_self_service from "./de/self-service.json";
import de_back_office from "./de/back-office.json";
import de_dashboards from "./de/dashboards.json";
import de_benefits from "./de/benefits.json";
import de_information from "./de/information.json";
import de_accountants from "./de/accountants.json";
import en_common from "./en/common.json";
import en_public from "./en/public.json";
import en_me from "./en/me.json";
import en_domain from "./en/domain.json";
import en_staff from "./en/staff.json";
import en_money_operations from "./en/money-operations.json";
import en_self_service from "./en/self-service.json";
import en_back_office from "./en/back-office.json";
import en_dashboards from "./en/dashboards.json";
import en_benefits from "./en/benefits.json";
import en_information from "./en/information.json";
import en_accountants from "./en/accountants.json";

export const CATALOGUES: Record<AppLocale, Catalog> = {
  fr: { ...fr_common, ...fr_public, ...fr_me, ...fr_domain, ...fr_staff, ...fr_money_operations, ...fr_self_service, ...fr_back_office, ...fr_dashboards, ...fr_benefits, ...fr_information, ...fr_accountants },
  nl: { ...nl_common, ...nl_public, ...nl_me, ...nl_domain, ...nl_staff, ...nl_money_operations, ...nl_self_service, ...nl_back_office, ...nl_dashboards, ...nl_benefits, ...nl_information, ...nl_accountants },
  de: { ...de_common, ...de_public, ...de_me, ...de_domain, ...de_staff, ...de_money_operations, ...de_self_service, ...de_back_office, ...de_dashboards, ...de_benefits, ...de_information, ...de_accountants },
  en: { ...en_common, ...en_public, ...en_me, ...en_domain, ...en_staff, ...en_money_operations, ...en_self_service, ...en_back_office, ...en_dashboards, ...en_benefits, ...en_information, ...en_accountants },
};
