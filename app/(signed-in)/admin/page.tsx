import { redirect } from "next/navigation";

/** Administration opens on its users page (which checks the role itself). */
export default function AdminRoute(): never {
  redirect("/admin/users");
}
