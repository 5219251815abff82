package dev.kiln.release.service;

import dev.kiln.common.error.DomainException;
import dev.kiln.common.error.DomainException.Kind;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.promotion.ReleaseRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The fields of a new release request, checked for form (Flatcar's rules come after, in PromotionRules). */
final class NewPromotionCheck {

    static final String INVALID = "invalid-promotion-request";
    static final List<String> ARCHES = List.of("amd64", "arm64");
    private static final Pattern VENDOR = Pattern.compile("[a-z0-9][a-z0-9_]{0,63}");
    private static final int MAX_VENDORS = 64;

    record Checked(ReleaseRequest ask, Optional<List<String>> arches, Optional<List<String>> vendors) {
    }

    private NewPromotionCheck() {
    }

    static Checked check(NewPromotion in) {
        ReleaseRequest ask = switch (in.type() == null ? "" : in.type()) {
            case "new-major" -> {
                forbid("new-major", "from", in.from(), "to", in.to(), "channel", in.channel(), "major", in.major());
                yield new ReleaseRequest.NewMajor();
            }
            case "promotion" -> {
                forbid("promotion", "channel", in.channel(), "major", in.major());
                Version from = Version.tryParse(required(in.from(), "from", "the release to promote, e.g. 4790.0.1"))
                        .orElseThrow(() -> invalid("from must be a release version MMMM.m.p, e.g. 4790.0.1, was '" + in.from() + "'"));
                yield new ReleaseRequest.Promotion(from, channel(required(in.to(), "to", "the next channel, e.g. beta"), "to"));
            }
            case "patch" -> {
                forbid("patch", "from", in.from(), "to", in.to());
                Channel channel = channel(required(in.channel(), "channel", "e.g. stable"), "channel");
                if (in.major() == null || in.major() < 1 || in.major() > 99999) {
                    throw invalid("major is required for a patch: the major to patch, e.g. 4593"
                            + (in.major() == null ? "" : "; was " + in.major()));
                }
                yield new ReleaseRequest.Patch(channel, in.major());
            }
            default -> throw invalid("type must be new-major, promotion or patch, was '" + in.type() + "'");
        };
        return new Checked(ask, Optional.ofNullable(in.arches()).map(NewPromotionCheck::arches),
                Optional.ofNullable(in.vendors()).map(NewPromotionCheck::vendors));
    }

    private static List<String> arches(List<String> arches) {
        if (arches.isEmpty()) {
            throw invalid("arches, when given, names at least one of " + ARCHES);
        }
        Set<String> seen = new HashSet<>();
        for (String arch : arches) {
            if (!ARCHES.contains(arch)) {
                throw invalid("unknown arch '" + arch + "'; known: " + ARCHES);
            }
            if (!seen.add(arch)) {
                throw invalid("arch '" + arch + "' is listed twice");
            }
        }
        return List.copyOf(arches);
    }

    private static List<String> vendors(List<String> vendors) {
        if (vendors.size() > MAX_VENDORS) {
            throw invalid("at most " + MAX_VENDORS + " vendors");
        }
        Set<String> seen = new HashSet<>();
        for (String vendor : vendors) {
            if (vendor == null || !VENDOR.matcher(vendor).matches()) {
                throw invalid("vendor '" + vendor + "' is not a vendor image name like qemu_uefi or ami");
            }
            if (!seen.add(vendor)) {
                throw invalid("vendor '" + vendor + "' is listed twice");
            }
        }
        return List.copyOf(vendors);
    }

    private static Channel channel(String id, String field) {
        return Channel.ofId(id).orElseThrow(() -> invalid(field + " must be alpha, beta, stable or lts, was '" + id + "'"));
    }

    private static String required(String value, String field, String example) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required: " + example);
        }
        return value;
    }

    /** Pairs of field name and value: each must be absent for {@code type}. */
    private static void forbid(String type, Object... fieldsAndValues) {
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            if (fieldsAndValues[i + 1] != null) {
                throw invalid("a " + type + " request takes no " + fieldsAndValues[i]);
            }
        }
    }

    static DomainException invalid(String detail) {
        return new DomainException(Kind.INVALID, INVALID, detail);
    }
}
