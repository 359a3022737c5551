import { FlaskConical } from "lucide-react";
import { useId } from "react";
import { Badge, type BadgeTone } from "@/components/ui/Badge";
import { useDemoUsers, type DemoUser } from "../api/auth";

const TONES: Record<string, BadgeTone> = { "agency admin": "violet", admin: "blue", supervisor: "green", viewer: "slate" };

/**
 * Demo mode's accounts (GET /api/auth/demo-users answers 200 only then): one row per role; choosing
 * one fills the form. Nothing at all outside demo mode.
 */
export function DemoUsers({ onPick }: { onPick: (user: DemoUser) => void }) {
  const { data: users } = useDemoUsers();
  const titleId = useId();
  if (!users || users.length === 0) return null;

  return (
    <section aria-labelledby={titleId} className="mt-6 w-full overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
      <div className="flex items-start gap-2.5 border-b border-slate-100 px-4 py-3">
        <FlaskConical aria-hidden className="mt-0.5 size-4 shrink-0 text-violet-600" />
        <div>
          <h2 id={titleId} className="text-sm font-semibold text-slate-900">
            Demo accounts
          </h2>
          <p className="text-xs text-slate-500">This server runs in demo mode. Choose an account to fill in the form.</p>
        </div>
      </div>
      <table data-testid="demo-users" className="w-full text-left text-sm">
        <thead className="sr-only">
          <tr>
            <th scope="col">Account</th>
            <th scope="col">Role</th>
            <th scope="col">Password</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((user) => (
            <tr key={user.email} data-testid="demo-user" data-email={user.email} onClick={() => onPick(user)} className="cursor-pointer transition-colors hover:bg-slate-50">
              <td className="px-4 py-2.5 align-top">
                <button
                  type="button"
                  onClick={(e) => {
                    e.stopPropagation();
                    onPick(user);
                  }}
                  aria-label={`Use ${user.email}`}
                  className="rounded text-left font-medium text-slate-900 hover:text-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
                >
                  <BreakableEmail email={user.email} />
                </button>
                {user.description && <p className="mt-0.5 text-xs text-slate-500">{user.description}</p>}
              </td>
              <td className="px-2 py-2.5 align-top">
                <Badge tone={TONES[user.role] ?? "slate"}>{user.role}</Badge>
                {user.tenantId && <p className="mt-1 font-mono text-[11px] text-slate-400">{user.tenantId}</p>}
              </td>
              <td className="hidden px-4 py-2.5 text-right align-top font-mono text-xs whitespace-nowrap text-slate-500 sm:table-cell">{user.password}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A narrow column breaks an address before its "@", never in the middle of a word. */
function BreakableEmail({ email }: { email: string }) {
  const at = email.indexOf("@");
  if (at <= 0) return email;
  return (
    <>
      {email.slice(0, at)}
      <wbr />
      {email.slice(at)}
    </>
  );
}
