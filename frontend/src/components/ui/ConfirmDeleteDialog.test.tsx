import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ActionErrorAlert } from "@/features/control/components/ActionErrorAlert";
import { ConfirmDeleteDialog } from "./ConfirmDeleteDialog";

function renderDialog(props: Partial<Parameters<typeof ConfirmDeleteDialog>[0]> = {}) {
  const onConfirm = vi.fn();
  const onClose = vi.fn();
  render(
    <ConfirmDeleteDialog title="Delete Front desk?" description="It goes away." confirmLabel="Delete target" pendingLabel="Deleting"
      pending={false} onConfirm={onConfirm} onClose={onClose} {...props} />,
  );
  return { onConfirm, onClose };
}

describe("the destructive confirmation dialog", () => {
  test("focuses Cancel first and confirms only on the confirm button", async () => {
    const user = userEvent.setup();
    const { onConfirm, onClose } = renderDialog();
    expect(screen.getByRole("dialog")).toHaveAccessibleName("Delete Front desk?");
    expect(screen.getByRole("dialog")).toHaveAccessibleDescription("It goes away.");
    expect(screen.getByRole("button", { name: "Cancel" })).toHaveFocus();
    expect(screen.getByTestId("confirm-action")).toHaveTextContent(/^Delete target$/);
    expect(screen.queryByTestId("action-error")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("confirm-action"));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onClose).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  test("while the request is out both buttons are disabled, the confirm button shows progress and Esc does nothing", async () => {
    const user = userEvent.setup();
    const { onClose } = renderDialog({ pending: true });
    expect(screen.getByRole("button", { name: "Cancel" })).toBeDisabled();
    expect(screen.getByTestId("confirm-action")).toBeDisabled();
    expect(screen.getByTestId("confirm-action")).toHaveTextContent("Deleting…");
    expect(screen.getByRole("status", { name: "Deleting" })).toBeInTheDocument();
    await user.keyboard("{Escape}");
    expect(onClose).not.toHaveBeenCalled();
  });

  test("shows the error it is given in place", () => {
    renderDialog({ error: <ActionErrorAlert error={{ code: "forbidden", title: "Your role doesn't allow this", message: "Admins only.", detail: "Request r-1" }} /> });
    expect(screen.getByRole("alert")).toHaveTextContent("Your role doesn't allow this");
    expect(screen.getByRole("alert")).toHaveTextContent("Admins only.");
    expect(screen.getByTestId("confirm-action")).toBeEnabled();
  });
});
