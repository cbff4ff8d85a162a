package org.thidua.client;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The generated client's mapper, except that a {@link File} request body is sent as the file's bytes. The {@code native}
 * library of openapi-generator 7.25 writes every non-string request body with the mapper, so a {@code format: binary}
 * upload (the record files of {@code importDossiers}/{@code importSurveys}) would go out as the file's path in JSON.
 * A user of the generated client does the same: {@code client.setObjectMapper(new FileBodies(client.getObjectMapper()))}.
 */
final class FileBodies extends ObjectMapper {
    FileBodies(ObjectMapper generated) {
        super(generated);
    }

    @Override
    public ObjectMapper copy() {
        return new FileBodies(this);
    }

    @Override
    public byte[] writeValueAsBytes(Object value) throws JsonProcessingException {
        if (value instanceof File file) {
            try {
                return Files.readAllBytes(file.toPath());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return super.writeValueAsBytes(value);
    }
}
