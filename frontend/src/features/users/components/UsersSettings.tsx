import { ShieldAlert, Trash2, UserPlus, Users } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { ConfirmDeleteDialog } from "@/components/ui/ConfirmDeleteDialog";
import { EmptyState } from "@/components/ui/EmptyState";
import { Field, inputClass } from "@/components/ui/Field";
import { Skeleton } from "@/components/ui/Skeleton";
import { Spinner } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/toast-context";
import { ApiError } from "@/lib/api-client";
import { roleLabel, type Role } from "@/lib/permissions";
import { usePermissions, useSession } from "@/features/auth/hooks/auth-context";
import { ActionErrorAlert } from "@/features/control/components/ActionErrorAlert";
import { AdminListStates, ReadOnlyNotice } from "@/features/admin/components/AdminList";
import { useAddMember, useChangeRole, useMembers, useRemoveMember, type Member } from "../api/users";
import { describeAdminError } from "../model/admin-errors";
import { AgencyUsers } from "./AgencyUsers";

const ROLES: readonly Role[] = ["viewer", "supervisor", "admin"];
const ROLE_HINTS: Record<Role, string> = {
  viewer: "sees calls, read only",
  supervisor: "also listens and takes control",
  admin: "also manages users, keys and targets",
};

/**
 * Settings → Users & roles (?view=users): the tenant's members and their roles. A tenant admin adds people by
 * email (creating the account when an initial password is given), changes roles and removes members; agency
 * admins also see every user of the agency below. The server refuses what a role may not do anyway.
 */
export function UsersSettings({ clientId, tenantName }: { clientId: string; tenantName: string }) {
  const members = useMembers(clientId);
  const manage = usePermissions(clientId)("manageUsers");
  const agencyAdmin = useSession()?.user.agencyAdmin ?? false;
  const [removing, setRemoving] = useState<Member | null>(null);

  return (
    <div data-testid="users-settings" className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:px-6">
      <div>
        <h2 className="text-lg font-semibold tracking-tight text-slate-900">Users & roles</h2>
        <p className="text-sm text-slate-500">{tenantName} · who can see this client's calls, and what each of them may do.</p>
      </div>

      {manage ? (
        <AddMemberForm clientId={clientId} />
      ) : (
        <ReadOnlyNotice>Only an admin of this client can add people or change roles.</ReadOnlyNotice>
      )}

      <section aria-label="Members" className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
        <h3 className="border-b border-slate-100 px-4 py-2.5 text-[11px] font-semibold tracking-wider text-slate-500 uppercase">
          Members {members.data && members.data.length > 0 && <span className="ml-1 font-normal text-slate-400 normal-case">{members.data.length}</span>}
        </h3>
        <AdminListStates
          query={members}
          loading={
          <ul className="divide-y divide-slate-100" aria-busy="true" aria-label="Loading members">
            {[0, 1, 2].map((i) => (
              <li key={i} className="flex items-center gap-3 px-4 py-3.5">
                <Skeleton className="h-3.5 w-48" />
                <Skeleton className="ml-auto h-7 w-28" />
              </li>
            ))}
          </ul>
          }
          forbidden={
          <EmptyState icon={<ShieldAlert className="size-5" />} title="Your role can't see the members" data-testid="members-forbidden">
            {members.error?.message} Ask an admin of this client if you need this.
          </EmptyState>
          }
          errorTitle="Couldn't load the members"
          describeError={describeAdminError}
          empty={
          <EmptyState icon={<Users className="size-5" />} title="No members yet" data-testid="members-empty">
            {manage ? "Add the first person above: give them a role and, for a new account, an initial password." : "An admin of this client can add people."}
          </EmptyState>
          }
        >
          {(items) => (
          <ul className="divide-y divide-slate-100">
            {items.map((m) => (
              <MemberRow key={m.userId} clientId={clientId} member={m} manage={manage} onRemove={() => setRemoving(m)} />
            ))}
          </ul>
          )}
        </AdminListStates>
      </section>

      {agencyAdmin && <AgencyUsers />}
      {manage && removing && <RemoveMemberDialog clientId={clientId} tenantName={tenantName} member={removing} onClose={() => setRemoving(null)} />}
    </div>
  );
}

function MemberRow({ clientId, member, manage, onRemove }: { clientId: string; member: Member; manage: boolean; onRemove: () => void }) {
  const change = useChangeRole(clientId);
  const notify = useToast();
  const me = useSession()?.user.id === member.userId;
  const select = (role: Role) =>
    change.mutate(
      { userId: member.userId, role },
      {
        onSuccess: () => notify({ tone: "success", title: "Role changed", message: `${member.email} is now ${roleLabel(role).toLowerCase()}.` }),
        onError: (e) => {
          const view = describeAdminError(e);
          notify({ tone: "error", title: view.title, message: view.message, detail: view.detail });
        },
      },
    );
  return (
    <li data-testid="member-row" data-email={member.email} className="flex flex-wrap items-center gap-3 px-4 py-3">
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium text-slate-900">
          {member.email} {me && <span className="font-normal text-slate-400">(you)</span>}
        </p>
        <p className="text-xs text-slate-500">{ROLE_HINTS[member.role]}</p>
      </div>
      {member.agencyAdmin && <Badge tone="violet">Agency admin</Badge>}
      {manage ? (
        <>
          {/* inputClass is full width: the wrapper keeps the role beside the email instead of on a line of its own. */}
          <div className="w-36 shrink-0">
            <select
              aria-label={`Role of ${member.email}`}
              data-testid="member-role-select"
              className={inputClass}
              value={member.role}
              disabled={change.isPending}
              onChange={(e) => select(e.target.value as Role)}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </select>
          </div>
          <Button variant="ghost" size="sm" aria-label={`Remove ${member.email}`} title="Remove" data-testid="member-remove" onClick={onRemove} className="text-slate-400 hover:text-red-600">
            <Trash2 aria-hidden className="size-4" />
          </Button>
        </>
      ) : (
        <Badge tone="slate">{roleLabel(member.role)}</Badge>
      )}
    </li>
  );
}

function AddMemberForm({ clientId }: { clientId: string }) {
  const add = useAddMember(clientId);
  const notify = useToast();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [password, setPassword] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const ids = { email: useId(), role: useId(), password: useId() };
  const emailError = /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim()) ? null : "Enter their email, e.g. sam@example.com.";
  const passwordError = password && password.length < 12 ? "An initial password needs at least 12 characters." : null;
  const apiError = add.error;
  const needsPassword = apiError instanceof ApiError && apiError.code === "user_not_found";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (emailError || passwordError || add.isPending) return;
    const body = { email: email.trim(), role, ...(password ? { password } : {}) };
    add.mutate(body, {
      onSuccess: (m) => {
        notify({ tone: "success", title: "Member added", message: `${m?.email ?? body.email} is now ${roleLabel(role).toLowerCase()} of this client.` });
        setEmail("");
        setPassword("");
        setSubmitted(false);
        add.reset();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="member-form" className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs">
      <h3 className="mb-3 text-sm font-semibold text-slate-900">Add a member</h3>
      <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Field label="Email" htmlFor={ids.email} error={submitted ? emailError : null}>
          <input id={ids.email} data-testid="member-email" type="email" className={inputClass} value={email} placeholder="sam@example.com"
            aria-invalid={submitted && Boolean(emailError)} onChange={(e) => { setEmail(e.target.value); if (needsPassword) add.reset(); }} />
        </Field>
        <Field label="Role" htmlFor={ids.role} hint={ROLE_HINTS[role]}>
          <select id={ids.role} data-testid="member-role" className={inputClass} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Initial password" htmlFor={ids.password} optional className="sm:col-span-2"
          error={passwordError ?? (needsPassword ? "There is no account with this email yet: give an initial password to create one." : null)}
          hint="Only for someone without an account. Share it with them safely; they can change it after signing in.">
          <input id={ids.password} data-testid="member-password" type="password" autoComplete="new-password" className={inputClass} value={password}
            aria-invalid={Boolean(passwordError) || needsPassword} onChange={(e) => setPassword(e.target.value)} />
        </Field>
      </div>
      {apiError && !needsPassword && <ActionErrorAlert error={describeAdminError(apiError)} />}
      <div className="mt-4 flex justify-end">
        <Button type="submit" variant="primary" data-testid="member-add" disabled={add.isPending}>
          {add.isPending ? <Spinner className="size-3.5 border-[1.5px]" label="Adding" /> : <UserPlus aria-hidden className="size-4" />}
          Add member
        </Button>
      </div>
    </form>
  );
}

function RemoveMemberDialog({ clientId, tenantName, member, onClose }: { clientId: string; tenantName: string; member: Member; onClose: () => void }) {
  const remove = useRemoveMember(clientId);
  const notify = useToast();
  const error = remove.error ? describeAdminError(remove.error) : null;
  const submit = () =>
    remove.mutate(member.userId, {
      onSuccess: () => {
        notify({ tone: "success", title: "Member removed", message: `${member.email} no longer has access to ${tenantName}.` });
        onClose();
      },
    });
  return (
    <ConfirmDeleteDialog
      title={`Remove ${member.email}?`}
      description={`They lose access to ${tenantName} at once. Their account and their access to other clients stay.`}
      confirmLabel="Remove member"
      pendingLabel="Removing"
      pending={remove.isPending}
      onConfirm={submit}
      onClose={onClose}
      error={error && <ActionErrorAlert error={error} />}
    />
  );
}
