import { describeActionError, type ActionErrorView } from "@/features/control/model/action-errors";

const TITLES: Record<string, string> = {
  last_admin: "Someone has to stay admin",
  already_exists: "That already exists",
  user_not_found: "No such user",
  unknown_tenant: "No such client",
  cannot_remove_self: "You can't remove yourself",
  wrong_password: "The current password is wrong",
};

/** A failed user, member or tenant change in words: the server's message says what to do instead. */
export function describeAdminError(error: unknown): ActionErrorView {
  const view = describeActionError(error);
  const title = TITLES[view.code];
  return title ? { ...view, title } : view;
}
