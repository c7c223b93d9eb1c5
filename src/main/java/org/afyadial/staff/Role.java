package org.afyadial.staff;

/** What a member of staff may do is decided by their roles, in {@link RoleMatrix}. */
public enum Role {
    ADMIN, DOCTOR, RECEPTIONIST, PHARMACIST, LAB, HEALTH_AUTHORITY
}
