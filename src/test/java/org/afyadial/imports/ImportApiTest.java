package org.afyadial.imports;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ImportApiTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    StaffTokens staff;

    @Inject
    FinishedImports finished;

    @Inject
    Store store;

    @Test
    void anUploadedFileIsImportedInTheBackgroundAndItsResultReported() throws Exception {
        String admin = staff.bearer("importer", Role.ADMIN);

        String id = upload(sample(), admin);
        assertEquals(id, finished.ids.poll(60, TimeUnit.SECONDS));

        Map<?, ?> result = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/imports/" + id).bearerAuth(admin), Map.class);
        assertEquals("DONE", result.get("status"));
        assertNotNull(result.get("finishedAt"));
        Map<?, ?> summary = (Map<?, ?>) result.get("summary");
        assertEquals(List.of(16, 4, 2, 10, 3), List.of(summary.get("read"), summary.get("imported"), summary.get("duplicates"),
                summary.get("rejected"), summary.get("patientsCreated")));
        assertEquals(Map.of("line", 8, "reason", "AGE_OUT_OF_RANGE"), ((List<?>) result.get("rejects")).getFirst());
        assertEquals(10, ((List<?>) result.get("rejects")).size());

        String again = upload(sample(), admin);
        assertEquals(again, finished.ids.poll(60, TimeUnit.SECONDS));
        Map<?, ?> second = (Map<?, ?>) http.toBlocking().retrieve(HttpRequest.GET("/api/v1/imports/" + again).bearerAuth(admin), Map.class).get("summary");
        assertEquals(List.of(0, 6), List.of(second.get("imported"), second.get("duplicates")));
        assertEquals(4, store.collection("admissions").countDocuments());
    }

    @Test
    void aFileOfMoreThanOneMegabyteIsUploadedAndReadToItsEnd() throws Exception {
        String admin = staff.bearer("importer", Role.ADMIN);
        byte[] csv = ImportFiles.oneRowRepeated(12_000);
        assertTrue(csv.length > 1024 * 1024, "the upload is above 1 MB");

        String id = upload(csv, admin);
        assertEquals(id, finished.ids.poll(60, TimeUnit.SECONDS));

        Map<?, ?> result = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/imports/" + id).bearerAuth(admin), Map.class);
        assertEquals("DONE", result.get("status"));
        Map<?, ?> summary = (Map<?, ?>) result.get("summary");
        assertEquals(List.of(12_000, 1, 11_999), List.of(summary.get("read"), summary.get("imported"), summary.get("duplicates")));
    }

    @Test
    void aFileOfAnotherFormatFailsWithTheReason() throws Exception {
        String admin = staff.bearer("importer", Role.ADMIN);

        String id = upload("Name,Age\nAnn,4\n".getBytes(StandardCharsets.UTF_8), admin);
        assertEquals(id, finished.ids.poll(60, TimeUnit.SECONDS));

        Map<?, ?> result = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/imports/" + id).bearerAuth(admin), Map.class);
        assertEquals("FAILED", result.get("status"));
        assertEquals("The header has no column \"Gender\"", result.get("error"));
    }

    @Test
    void anUnknownImportIsNotFound() {
        String admin = staff.bearer("importer", Role.ADMIN);

        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve(HttpRequest.GET("/api/v1/imports/nope").bearerAuth(admin)));
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
    }

    private String upload(byte[] csv, String token) {
        MultipartBody body = MultipartBody.builder().addPart("file", "records.csv", MediaType.TEXT_CSV_TYPE, csv).build();
        HttpResponse<Map> response = http.toBlocking().exchange(HttpRequest.POST("/api/v1/imports", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(token), Map.class);
        assertEquals(HttpStatus.ACCEPTED, response.getStatus());
        return (String) response.body().get("id");
    }

    private static byte[] sample() throws IOException {
        try (InputStream in = ImportApiTest.class.getResourceAsStream("/imports/healthcare-sample.csv")) {
            return in.readAllBytes();
        }
    }
}
