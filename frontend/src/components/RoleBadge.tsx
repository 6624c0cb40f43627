import type { Role } from "../types";
import Badge from "./Badge";

export default function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={role === "admin" ? "brand" : "neutral"}>{role === "admin" ? "Admin" : "Member"}</Badge>;
}
