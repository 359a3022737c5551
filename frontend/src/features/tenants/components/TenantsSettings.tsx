import { Building2, Check, Pencil, Plus, X } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { Field, inputClass } from "@/components/ui/Field";
import { Skeleton } from "@/components/ui/Skeleton";
import { Spinner } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/toast-context";
import { ApiError } from "@/lib/api-client";
import type { Tenant } from "@/lib/api-types";
import { ActionErrorAlert } from "@/features/control/components/ActionErrorAlert";
import { describeAdminError } from "@/features/users/model/admin-errors";
import { useCreateTenant, useRenameTenant, useTenants } from "../api/tenants";

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** Settings → Clients (?view=tenants, agency admins): every tenant, a form to create one, and renaming. */
export function TenantsSettings() {
  const tenants = useTenants();
  return (
    <div data-testid="tenants-settings" className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:px-6">
      <div>
        <h2 className="text-lg font-semibold tracking-tight text-slate-900">Clients</h2>
        <p className="text-sm text-slate-500">Every client of the agency. Each has its own calls, users, keys and webhook URL.</p>
      </div>
      <CreateTenantForm />
      <section aria-label="Clients" className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
        {tenants.isPending ? (
          <div className="space-y-3 px-4 py-4" aria-busy="true" aria-label="Loading clients">
            <Skeleton className="h-4 w-56" />
            <Skeleton className="h-4 w-40" />
          </div>
        ) : tenants.isError ? (
          <div className="px-4 py-6">
            <ActionErrorAlert error={{ ...describeAdminError(tenants.error), title: "Couldn't load the clients" }} />
          </div>
        ) : tenants.data.length === 0 ? (
          <EmptyState icon={<Building2 className="size-5" />} title="No clients yet" data-testid="tenants-empty">
            Create the first one above; then point its provider's webhooks at /webhooks/vapi/&lt;id&gt;.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {tenants.data.map((t) => (
              <TenantRow key={t.id} tenant={t} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function TenantRow({ tenant }: { tenant: Tenant }) {
  const rename = useRenameTenant();
  const notify = useToast();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(tenant.name);
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || rename.isPending) return;
    rename.mutate(
      { id: tenant.id, name: name.trim() },
      {
        onSuccess: () => {
          notify({ tone: "success", title: "Client renamed", message: `${tenant.id} is now ${name.trim()}.` });
          setEditing(false);
        },
      },
    );
  };
  return (
    <li data-testid="tenant-row" data-tenant-id={tenant.id} className="px-4 py-3">
      {editing ? (
        <form onSubmit={save} className="flex items-center gap-2">
          <input aria-label={`New name of ${tenant.id}`} data-testid="tenant-rename-input" className={inputClass} value={name} maxLength={120} autoFocus onChange={(e) => setName(e.target.value)} />
          <Button type="submit" size="sm" variant="primary" data-testid="tenant-rename-save" disabled={!name.trim() || rename.isPending} aria-label="Save name">
            {rename.isPending ? <Spinner className="size-3.5 border-[1.5px]" label="Saving" /> : <Check aria-hidden className="size-3.5" />}
          </Button>
          <Button size="sm" variant="ghost" aria-label="Cancel" onClick={() => { setEditing(false); setName(tenant.name); rename.reset(); }}>
            <X aria-hidden className="size-3.5" />
          </Button>
        </form>
      ) : (
        <div className="flex items-center gap-3">
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm font-medium text-slate-900">{tenant.name}</p>
            <p className="font-mono text-xs text-slate-500">{tenant.id}</p>
          </div>
          <Button size="sm" variant="ghost" data-testid="tenant-rename" aria-label={`Rename ${tenant.name}`} onClick={() => setEditing(true)}>
            <Pencil aria-hidden className="size-3.5" />
            Rename
          </Button>
        </div>
      )}
      {rename.error && <ActionErrorAlert error={describeAdminError(rename.error)} />}
    </li>
  );
}

function CreateTenantForm() {
  const create = useCreateTenant();
  const notify = useToast();
  const [id, setId] = useState("");
  const [name, setName] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const ids = { id: useId(), name: useId() };
  const idError = ID_PATTERN.test(id) ? null : "2–63 lowercase letters, digits and dashes, starting with a letter or digit, e.g. north-clinic.";
  const nameError = name.trim() ? null : "Give the client a name people recognise.";
  const taken = create.error instanceof ApiError && create.error.code === "already_exists";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (idError || nameError || create.isPending) return;
    create.mutate(
      { id, name: name.trim() },
      {
        onSuccess: () => {
          notify({ tone: "success", title: "Client created", message: `Point its webhooks at /webhooks/vapi/${id}.` });
          setId("");
          setName("");
          setSubmitted(false);
          create.reset();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid="tenant-form" className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs">
      <h3 className="mb-3 text-sm font-semibold text-slate-900">Create a client</h3>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Id" htmlFor={ids.id} error={(submitted && idError) || (taken ? "A client with this id already exists." : null)} hint="Part of the webhook URL; cannot change later.">
          <input id={ids.id} data-testid="tenant-id" className={`${inputClass} font-mono`} value={id} placeholder="north-clinic" maxLength={63}
            aria-invalid={(submitted && Boolean(idError)) || taken} onChange={(e) => { setId(e.target.value.toLowerCase()); if (taken) create.reset(); }} />
        </Field>
        <Field label="Name" htmlFor={ids.name} error={submitted ? nameError : null}>
          <input id={ids.name} data-testid="tenant-name" className={inputClass} value={name} placeholder="North Clinic" maxLength={120}
            aria-invalid={submitted && Boolean(nameError)} onChange={(e) => setName(e.target.value)} />
        </Field>
      </div>
      {create.error && !taken && <ActionErrorAlert error={describeAdminError(create.error)} />}
      <div className="mt-4 flex justify-end">
        <Button type="submit" variant="primary" data-testid="tenant-create" disabled={create.isPending}>
          {create.isPending ? <Spinner className="size-3.5 border-[1.5px]" label="Creating" /> : <Plus aria-hidden className="size-4" />}
          Create client
        </Button>
      </div>
    </form>
  );
}
