package dev.kiln.release.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.common.error.DomainException;
import dev.kiln.release.service.NewPromotion;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the body of {@code POST /api/v1/promotions} strictly: an object with only the known fields, each of its JSON
 * type ({@code major} a whole number, {@code arches} and {@code vendors} lists of strings). A misspelt field is an
 * error rather than silently a default.
 */
final class CreatePromotionRequest {

    static final String INVALID = "invalid-promotion-request";
    private static final Set<String> FIELDS = Set.of("type", "from", "to", "channel", "major", "arches", "vendors");

    private CreatePromotionRequest() {
    }

    static NewPromotion read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid("a JSON object is required, e.g. {\"type\":\"promotion\",\"from\":\"4790.0.1\",\"to\":\"beta\"}");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw invalid("unknown field '" + name + "'; the fields are " + FIELDS.stream().sorted().toList());
            }
        }
        return new NewPromotion(text(body, "type"), text(body, "from"), text(body, "to"), text(body, "channel"),
                number(body, "major"), list(body, "arches"), list(body, "vendors"));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().length() > 200) {
            throw invalid(field + " must be a string of at most 200 characters");
        }
        return value.asText();
    }

    private static Integer number(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isInt()) {
            throw invalid(field + " must be a whole number, e.g. 4593");
        }
        return value.intValue();
    }

    private static List<String> list(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray() || value.size() > 100) {
            throw invalid(field + " must be a list of at most 100 strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw invalid(field + " must be a list of strings");
            }
            out.add(item.asText());
        }
        return out;
    }

    private static DomainException invalid(String detail) {
        return new DomainException(DomainException.Kind.INVALID, INVALID, detail);
    }
}
