package org.afyadial.staff;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Set;

/**
 * A member of staff recognised by the phone they dial from, as their account and registration stand now.
 *
 * @param grantedAt when the ADMIN registered the phone (epoch milliseconds): a new registration ends the USSD
 *                  sessions opened under this one
 * @param language  the language chosen on the phone, if any
 */
public record StaffOnPhone(String userId, String username, Set<Role> roles, String phone, long grantedAt,
                           @Nullable String language) {

    public List<String> roleNames() {
        return roles.stream().map(Role::name).sorted().toList();
    }
}
