package io.camelklaviyo.request;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import io.camelklaviyo.operation.Operation;
import org.apache.camel.Exchange;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;

/**
 * The {@code multipart/form-data} body of an upload ({@code upload_image_from_file}). The message body is either the
 * file itself (bytes, File, Path, stream; the name from the {@code CamelFileName} header), or a Map holding
 * {@code file} and the other form fields.
 */
final class MultipartBodyEncoder {

    private static final String FILE_PART = "file";
    /** The form fields of the spec's ImageUploadQuery. */
    private static final Set<String> FIELDS = Set.of(FILE_PART, "name", "hidden");
    private static final ContentType TEXT = ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8);

    EncodedBody encode(Operation operation, Object body, Exchange exchange) {
        MultipartEntityBuilder form = MultipartEntityBuilder.create().setCharset(StandardCharsets.UTF_8);
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME, "upload", String.class);
        if (body instanceof String) {
            throw new InvalidRequestException(operation.name() + " uploads a file: send its bytes, a File, a Path or"
                                              + " a stream (or a Map with 'file'), not a String");
        }
        if (body instanceof Map<?, ?> fields) {
            for (Object key : fields.keySet()) {
                if (!FIELDS.contains(String.valueOf(key))) {
                    throw new InvalidRequestException(operation.name() + " has no form field '" + key
                                                      + "'; its fields: " + FIELDS);
                }
            }
            Object file = fields.get(FILE_PART);
            if (file == null) {
                throw new InvalidRequestException(operation.name() + " needs the form field 'file'");
            }
            Object name = fields.get("name");
            form.addBinaryBody(FILE_PART, bytes(operation, file, exchange), ContentType.APPLICATION_OCTET_STREAM,
                    name == null ? fileName : name.toString());
            fields.forEach((key, value) -> {
                if (!FILE_PART.equals(key) && value != null) {
                    form.addTextBody(key.toString(), value.toString(), TEXT);
                }
            });
        } else {
            form.addBinaryBody(FILE_PART, bytes(operation, body, exchange), ContentType.APPLICATION_OCTET_STREAM,
                    fileName);
        }
        HttpEntity entity = form.build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            entity.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EncodedBody(out.toByteArray(), entity.getContentType());
    }

    private static byte[] bytes(Operation operation, Object file, Exchange exchange) {
        try {
            return exchange.getContext().getTypeConverter().mandatoryConvertTo(byte[].class, exchange, file);
        } catch (NoTypeConversionAvailableException e) {
            throw new InvalidRequestException(operation.name() + ": cannot read the file to upload from a "
                                              + file.getClass().getName(), e);
        }
    }
}
