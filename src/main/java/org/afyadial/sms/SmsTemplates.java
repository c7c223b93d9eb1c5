package org.afyadial.sms;

import jakarta.inject.Singleton;
import org.afyadial.system.ClinicSettings;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/**
 * The SMS texts of {@code sms/templates.yaml}, per language (en, fr, sw). A language or text
 * missing from the file falls back to English; {@code {clinic}} is always the clinic's name.
 */
@Singleton
public class SmsTemplates {

    static final String FALLBACK_LANGUAGE = "en";
    private static final String RESOURCE = "sms/templates.yaml";

    private final Map<String, Map<String, String>> texts;
    private final String clinicName;

    SmsTemplates(ClinicSettings clinic) {
        this.clinicName = clinic.name();
        try (InputStream in = SmsTemplates.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            this.texts = new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text {@code key} in {@code language} with its placeholders filled. */
    public String render(String language, String key, Map<String, String> values) {
        Map<String, String> inLanguage = texts.getOrDefault(language, texts.get(FALLBACK_LANGUAGE));
        String template = inLanguage.getOrDefault(key, texts.get(FALLBACK_LANGUAGE).get(key));
        if (template == null) {
            throw new IllegalArgumentException("No SMS template " + key);
        }
        String text = template.replace("{clinic}", clinicName);
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text;
    }

    Set<String> languages() {
        return texts.keySet();
    }

    Set<String> keys(String language) {
        return texts.get(language).keySet();
    }
}
