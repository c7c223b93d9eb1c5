package org.afyadial.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;

import java.util.Collection;

/**
 * Who is limited to their own doctor's records: a caller with role DOCTOR and neither ADMIN nor RECEPTIONIST
 * acts on their own appointments, leave and availability only (the role matrix lets every doctor in, the
 * services check whose record it is).
 */
public final class ActingDoctor {

    private ActingDoctor() {
    }

    /** The caller's username when they act as a doctor alone, else null (the front desk acts for any doctor). */
    @Nullable
    public static String usernameOf(Authentication staff) {
        Collection<String> roles = staff.getRoles();
        boolean frontDesk = roles.contains(Role.ADMIN.name()) || roles.contains(Role.RECEPTIONIST.name());
        return roles.contains(Role.DOCTOR.name()) && !frontDesk ? staff.getName() : null;
    }
}
