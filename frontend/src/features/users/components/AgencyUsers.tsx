import { KeyRound, ShieldCheck, Trash2, Users } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/Button";
import { ConfirmDeleteDialog } from "@/components/ui/ConfirmDeleteDialog";
import { Dialog, DialogIcon } from "@/components/ui/Dialog";
import { EmptyState } from "@/components/ui/EmptyState";
import { Field, inputClass } from "@/components/ui/Field";
import { Skeleton } from "@/components/ui/Skeleton";
import { Spinner } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/toast-context";
import { roleLabel } from "@/lib/permissions";
import { useSession } from "@/features/auth/hooks/auth-context";
import { ActionErrorAlert } from "@/features/control/components/ActionErrorAlert";
import { AdminListStates } from "@/features/admin/components/AdminList";
import { useDeleteUser, useUpdateUser, useUsers, type AgencyUser } from "../api/users";
import { describeAdminError } from "../model/admin-errors";

/**
 * Every user of the agency (agency admins only): which clients they belong to, the agency-admin flag, a
 * password reset (which signs them out everywhere) and deletion. The server keeps one agency admin and
 * refuses deleting yourself; the buttons say so before asking.
 */
export function AgencyUsers() {
  const users = useUsers();
  const update = useUpdateUser();
  const notify = useToast();
  const me = useSession()?.user.id;
  const [resetting, setResetting] = useState<AgencyUser | null>(null);
  const [deleting, setDeleting] = useState<AgencyUser | null>(null);

  const toggle = (u: AgencyUser) =>
    update.mutate(
      { id: u.id, agencyAdmin: !u.agencyAdmin },
      {
        onSuccess: () => notify({ tone: "success", title: u.agencyAdmin ? "Agency admin removed" : "Agency admin granted", message: u.email }),
        onError: (e) => {
          const view = describeAdminError(e);
          notify({ tone: "error", title: view.title, message: view.message, detail: view.detail });
        },
      },
    );

  return (
    <section aria-label="All users" data-testid="agency-users" className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
      <div className="border-b border-slate-100 px-4 py-2.5">
        <h3 className="text-[11px] font-semibold tracking-wider text-slate-500 uppercase">All users of the agency</h3>
        <p className="text-xs text-slate-500">Agency admins see and manage every client, its users and the clients themselves.</p>
      </div>
      <AdminListStates
        query={users}
        loading={
          <div className="space-y-2 px-4 py-4" aria-busy="true" aria-label="Loading users">
            <Skeleton className="h-4 w-64" />
            <Skeleton className="h-4 w-56" />
          </div>
        }
        errorTitle="Couldn't load the users"
        describeError={describeAdminError}
        empty={<EmptyState icon={<Users className="size-5" />} title="No users yet" />}
      >
        {(items) => (
        <ul className="divide-y divide-slate-100">
          {items.map((u) => (
            <li key={u.id} data-testid="user-row" data-email={u.email} className="flex flex-wrap items-center gap-3 px-4 py-3">
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium text-slate-900">
                  {u.email} {u.id === me && <span className="font-normal text-slate-400">(you)</span>}
                </p>
                <p className="text-xs text-slate-500">
                  {u.memberships.length === 0 ? "No clients" : u.memberships.map((m) => `${m.tenantId} (${roleLabel(m.role).toLowerCase()})`).join(", ")}
                </p>
              </div>
              {/* The pressed toggle is the badge: a second "Agency admin" beside it said the same thing twice. */}
              <Button size="sm" variant={u.agencyAdmin ? "pressed" : "secondary"} aria-pressed={u.agencyAdmin} data-testid="user-agency-toggle"
                disabled={update.isPending} onClick={() => toggle(u)} title={u.agencyAdmin ? "Remove agency admin" : "Make agency admin"}>
                <ShieldCheck aria-hidden className="size-3.5" />
                Agency admin
              </Button>
              <Button size="sm" data-testid="user-reset-password" onClick={() => setResetting(u)}>
                <KeyRound aria-hidden className="size-3.5" />
                Reset password
              </Button>
              <Button size="sm" variant="ghost" aria-label={`Delete ${u.email}`} data-testid="user-delete" disabled={u.id === me}
                title={u.id === me ? "You cannot delete your own account" : "Delete user"} onClick={() => setDeleting(u)} className="text-slate-400 hover:text-red-600">
                <Trash2 aria-hidden className="size-4" />
              </Button>
            </li>
          ))}
        </ul>
        )}
      </AdminListStates>
      {resetting && <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />}
      {deleting && <DeleteUserDialog user={deleting} onClose={() => setDeleting(null)} />}
    </section>
  );
}

function ResetPasswordDialog({ user, onClose }: { user: AgencyUser; onClose: () => void }) {
  const update = useUpdateUser();
  const notify = useToast();
  const [password, setPassword] = useState("");
  const id = useId();
  const weak = password.length < 12 ? "A password needs at least 12 characters." : null;
  const submit = () => {
    if (weak || update.isPending) return;
    update.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          notify({ tone: "success", title: "Password reset", message: `${user.email} is signed out everywhere and signs in with the new password.` });
          onClose();
        },
      },
    );
  };
  return (
    <Dialog title={`Reset the password of ${user.email}?`} description="They are signed out on every device. Share the new password with them safely."
      icon={<DialogIcon tone="amber"><KeyRound aria-hidden className="size-5" /></DialogIcon>} onClose={onClose} busy={update.isPending}
      footer={
        <>
          <Button onClick={onClose} disabled={update.isPending}>Cancel</Button>
          <Button variant="primary" data-testid="confirm-action" onClick={submit} disabled={update.isPending || Boolean(weak)}>
            {update.isPending && <Spinner className="size-3.5 border-[1.5px]" label="Saving" />}
            Reset password
          </Button>
        </>
      }>
      <Field label="New password" htmlFor={id} error={password && weak ? weak : null} hint="At least 12 characters.">
        <input id={id} data-testid="reset-password-input" type="password" autoComplete="new-password" className={inputClass} value={password}
          data-autofocus="" onChange={(e) => setPassword(e.target.value)} onKeyDown={(e) => e.key === "Enter" && submit()} />
      </Field>
      {update.error && <ActionErrorAlert error={describeAdminError(update.error)} />}
    </Dialog>
  );
}

function DeleteUserDialog({ user, onClose }: { user: AgencyUser; onClose: () => void }) {
  const remove = useDeleteUser();
  const notify = useToast();
  const submit = () =>
    remove.mutate(user.id, {
      onSuccess: () => {
        notify({ tone: "success", title: "User deleted", message: `${user.email} can no longer sign in.` });
        onClose();
      },
    });
  return (
    <ConfirmDeleteDialog title={`Delete ${user.email}?`} description="The account, its sessions and its access to every client are removed. The audit log keeps what they did."
      confirmLabel="Delete user" pendingLabel="Deleting" pending={remove.isPending} onConfirm={submit} onClose={onClose}
      error={remove.error && <ActionErrorAlert error={describeAdminError(remove.error)} />} />
  );
}
