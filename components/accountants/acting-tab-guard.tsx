"use client";
import { useEffect } from "react";

/** An accountant's tab left on one client while another tab opened another one: when it comes back to the front, it
 *  reloads, so that the client named on the page is always the one the portal acts for (the server decides by the
 *  cookie; the page must not show a different name). */
export function ActingTabGuard({ clientId, cookieName }: { clientId: string; cookieName: string }) {
  useEffect(() => {
    const check = () => {
      if (document.visibilityState !== "visible") return;
      const current = document.cookie.split("; ").find((c) => c.startsWith(`${cookieName}=`))?.slice(cookieName.length + 1);
      if (current !== undefined && decodeURIComponent(current) !== clientId) window.location.reload();
    };
    document.addEventListener("visibilitychange", check);
    window.addEventListener("focus", check);
    return () => {
      document.removeEventListener("visibilitychange", check);
      window.removeEventListener("focus", check);
    };
  }, [clientId, cookieName]);
  return null;
}
