package org.afyadial.patients;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A person as a record imported from another system describes them, without a phone. Their {@link #importKey} is
 * derived from who they are (folded name, birth year, sex, blood type): every row about the same person, in this
 * file or a later one, names the same patient, and a unique index on it keeps them one record.
 */
public record ImportedPerson(String firstName, String lastName, int birthYear, Sex sex, String bloodType) {

    public String importKey() {
        String who = String.join("|", SearchNames.of(firstName, lastName), Integer.toString(birthYear), sex.name(), bloodType);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(who.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
