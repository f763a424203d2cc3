import { type ExternalToast, toast } from "sonner";

// The global Toaster sits bottom-right, exactly where the detail pane's comment box is; the
// inbox's own toasts show top-center instead so they never cover what is being typed.
const AT: ExternalToast = { position: "top-center" };

export const inboxToast = {
  success: (message: string) => toast.success(message, AT),
  error: (message: string) => toast.error(message, AT),
  message: (message: string) => toast.message(message, AT),
};
