package org.afyadial.imports;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.StaffTokens;
import org.afyadial.staff.Role;
import org.afyadial.store.Store;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Uploads above {@code IMPORT_MAX_BYTES} are refused whole; other routes keep their 1 MB bound. */
@MicronautTest(transactional = false)
@Property(name = "IMPORT_MAX_BYTES", value = "1500000")
class ImportUploadLimitTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    StaffTokens staff;

    @Inject
    Store store;

    @Test
    void anUploadAboveTheLimitIsRefusedWithAProblemAndNothingIsImported() {
        byte[] csv = ImportFiles.oneRowRepeated(14_000);
        MultipartBody body = MultipartBody.builder().addPart("file", "records.csv", MediaType.TEXT_CSV_TYPE, csv).build();

        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/api/v1/imports", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                        .bearerAuth(staff.bearer("importer", Role.ADMIN)), Map.class));

        assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        Map<?, ?> problem = e.getResponse().getBody(Map.class).orElseThrow();
        assertEquals("The upload is larger than the import limit of 1500000 bytes (IMPORT_MAX_BYTES)", problem.get("detail"));
        assertEquals(0, store.collection(ImportJobs.COLLECTION).countDocuments());
    }

    @Test
    void aJsonBodyAboveOneMegabyteIsStillRefused() {
        String name = "a".repeat(1024 * 1024 + 1);

        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/api/v1/patients", Map.of("firstName", name, "lastName", "B"))
                        .bearerAuth(staff.bearer("reception", Role.ADMIN)), Map.class));

        assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
    }
}
