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

export const CATALOGUES: Record<AppLocale, Catalog> = {
  fr: { ...fr_common, ...fr_public, ...fr_me, ...fr_domain, ...fr_staff, ...fr_money_operations, ...fr_self_service, ...fr_back_office, ...fr_dashboards, ...fr_benefits, ...fr_information },
  nl: { ...nl_common, ...nl_public, ...nl_me, ...nl_domain, ...nl_staff, ...nl_money_operations, ...nl_self_service, ...nl_back_office, ...nl_dashboards, ...nl_benefits, ...nl_information },
};
