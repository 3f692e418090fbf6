/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Base64BinaryType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.UriType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.fhir.MediaContext;
import org.openmrs.module.patientrecordings.fhir.MediaTranslator;
import org.openmrs.module.patientrecordings.fhir.RecordingView;

/**
 * The JSON the server writes for Media and search pages is HAPI's, character for character: for every profile
 * example as the module renders it, for search pages of them, and for thousands of generated Media and Bundles,
 * including ones holding what {@link MediaJson} declines (which HAPI then encodes).
 */
class MediaJsonTest {

    private static final FhirContext HAPI = FhirContext.forR4Cached();

    private static final Path EXAMPLES = Path.of("..", "fhir-profiles", "src", "main", "fhir", "examples");

    private static final String BASE = "http://localhost:8080/fhir";

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    /** Every Media example of the conformance package, by id: one added there is checked here without a change. */
    static List<String> mediaExamples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<String> ids = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.startsWith("Media-") && name.endsWith(".json"))
                    .map(name -> name.substring("Media-".length(), name.length() - ".json".length()))
                    .sorted()
                    .toList();
            assertThat(ids).as("Media examples in " + EXAMPLES).hasSizeGreaterThanOrEqualTo(8);
            return ids;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mediaExamples")
    void everyExampleAsTheModuleRendersItIsWrittenAsHapiWritesIt(String id) {
        Media media = rendered(id);

        String written = MediaJson.encode(media);

        assertThat(written).isNotNull().isEqualTo(hapi(media));
    }

    @Test
    void aSearchPageOfEveryExampleIsWrittenAsHapiWritesIt() {
        Bundle page = searchPage(List.of(
                rendered("consultation-recording"),
                rendered("covert-recording"),
                rendered("legal-hold-recording"),
                rendered("telephone-call"),
                rendered("anonymised-derivative")));

        String written = MediaJson.encode(page);

        assertThat(written).isNotNull().isEqualTo(hapi(page));
    }

    @Test
    void anEmptySearchPageIsWrittenAsHapiWritesIt() {
        Bundle page = searchPage(List.of());

        assertThat(MediaJson.encode(page)).isNotNull().isEqualTo(hapi(page));
    }

    @Test
    void generatedMediaAndBundlesAreWrittenAsHapiWritesThem() {
        Random random = new Random(20261206L);
        int written = 0;
        int declined = 0;
        for (int i = 0; i < 4000; i++) {
            Generator generator = new Generator(random);
            var resource = i % 4 == 3 ? generator.bundle() : generator.media();
            String expected = hapi(resource);

            assertThat(parser().encodeResourceToString(resource))
                    .as("case %d", i)
                    .isEqualTo(expected);
            if (MediaJson.encode(resource) == null) {
                declined++;
            } else {
                written++;
            }
        }
        assertThat(written)
                .as("written by MediaJson, %d left to HAPI", declined)
                .isGreaterThan(1500);
        assertThat(declined).as("left to HAPI").isGreaterThan(400);
    }

    @Test
    void theWriterMethodWritesWhatTheStringMethodReturns() throws IOException {
        Media media = rendered("telephone-call");
        StringWriter out = new StringWriter();

        parser().encodeResourceToWriter(media, out);

        assertThat(out).hasToString(hapi(media));
    }

    @Test
    void withAnyEncodingOptionHapiEncodes() {
        Media media = rendered("legal-hold-recording");

        assertThat(parser().setPrettyPrint(true).encodeResourceToString(media))
                .isEqualTo(HAPI.newJsonParser().setPrettyPrint(true).encodeResourceToString(media));
        assertThat(parser().setSummaryMode(true).encodeResourceToString(media))
                .isEqualTo(HAPI.newJsonParser().setSummaryMode(true).encodeResourceToString(media));
        assertThat(parser().setEncodeElements(Set.of("Media.status")).encodeResourceToString(media))
                .isEqualTo(HAPI.newJsonParser()
                        .setEncodeElements(Set.of("Media.status"))
                        .encodeResourceToString(media));
        assertThat(parser().setDontEncodeElements(Set.of("Media.extension")).encodeResourceToString(media))
                .isEqualTo(HAPI.newJsonParser()
                        .setDontEncodeElements(Set.of("Media.extension"))
                        .encodeResourceToString(media));
        assertThat(parser().setOmitResourceId(true).encodeResourceToString(media))
                .isEqualTo(HAPI.newJsonParser().setOmitResourceId(true).encodeResourceToString(media));
    }

    @Test
    void otherResourcesAndBundlesHoldingThemAreLeftToHapi() {
        Consent consent = new Consent();
        consent.setId("c1");
        Bundle page = searchPage(List.of(rendered("consultation-recording")));
        page.addEntry().setFullUrl(BASE + "/Consent/c1").setResource(consent);

        assertThat(MediaJson.encode(consent)).isNull();
        assertThat(MediaJson.encode(page)).isNull();
        assertThat(parser().encodeResourceToString(page)).isEqualTo(hapi(page));
    }

    @Test
    void theServerContextEncodesWithTheShortcut() {
        assertThat(ServerFhirContext.shared().newJsonParser()).isInstanceOf(MediaJsonParser.class);
    }

    private static IParser parser() {
        return new MediaJsonParser(HAPI.newJsonParser());
    }

    private static String hapi(org.hl7.fhir.instance.model.api.IBaseResource resource) {
        return HAPI.newJsonParser().encodeResourceToString(resource);
    }

    /** An example read into a recording and rendered back, as the server renders a recording. */
    private static Media rendered(String id) {
        Media example = (Media) parse(EXAMPLES.resolve("Media-" + id + ".json"));
        RecordingView view = MediaTranslator.toDomain(example, UserId.of("unknown"));
        MediaContext context = view.context();
        return MediaTranslator.toFhir(
                view.recording(),
                new MediaContext(
                        context.governingConsentState(),
                        context.legalHolds(),
                        context.covertAuthorisation(),
                        context.callNotices(),
                        BASE + "/"));
    }

    private static org.hl7.fhir.instance.model.api.IBaseResource parse(Path file) {
        try {
            return HAPI.newJsonParser().parseResource(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page as the server returns one: id, lastUpdated, total, links, and each Media with its full URL. */
    private static Bundle searchPage(List<Media> media) {
        Bundle page = new Bundle();
        page.setId(UUID.randomUUID().toString());
        page.getMeta().setLastUpdatedElement(InstantType.now());
        page.setType(Bundle.BundleType.SEARCHSET);
        page.setTotal(media.size() + 20);
        page.addLink().setRelation("self").setUrl(BASE + "/Media?patient=p1&_count=20");
        page.addLink()
                .setRelation("next")
                .setUrl(BASE + "?_getpages=a1b2&_getpagesoffset=20&_count=20&_bundletype=searchset");
        for (Media m : media) {
            page.addEntry()
                    .setFullUrl(BASE + "/Media/" + m.getIdElement().getIdPart())
                    .setResource(m)
                    .getSearch()
                    .setMode(Bundle.SearchEntryMode.MATCH);
        }
        return page;
    }

    /** Media and Bundles with random content: mostly what the module writes, sometimes what MediaJson declines. */
    private static final class Generator {

        private static final String[] TEXT = {
            "plain", "Riverside Surgery", "quote \" inside", "back\\slash", "new\nline", "tab\there", "bell\u0007",
            "nul\u0000", "unit\u001f", "del\u007f", "é accents", "中文", "emoji \ud83c\udfa5", "lone \ud83c",
            "  ", "", " padded ", "slash / and <tag>", "line\u2028separator"
        };

        private final Random random;

        Generator(Random random) {
            this.random = random;
        }

        Bundle bundle() {
            List<Media> media = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                media.add(media());
            }
            Bundle page = searchPage(media);
            if (chance(5)) {
                page.getEntryFirstRep().getSearch().setScore(0.5);
            }
            if (chance(5)) {
                page.addEntry().getRequest().setUrl("Media/x").setMethod(Bundle.HTTPVerb.GET);
            }
            if (chance(10)) {
                page.setTimestampElement(new InstantType(date(), TemporalPrecisionEnum.MILLI, UTC));
            }
            if (chance(10)) {
                page.addLink();
            }
            return page;
        }

        Media media() {
            Media m = new Media();
            switch (random.nextInt(5)) {
                case 0 -> m.setId(UUID.randomUUID().toString());
                case 1 -> m.setIdElement(new IdType(BASE, "Media", "m" + random.nextInt(100), "" + random.nextInt(5)));
                case 2 -> m.setId("urn:uuid:" + UUID.randomUUID());
                case 3 -> m.setId("m-" + random.nextInt(1000));
                default -> {}
            }
            if (chance(80)) {
                meta(m);
            }
            for (int i = random.nextInt(7); i > 0; i--) {
                m.addExtension(extension(2));
            }
            if (chance(30)) {
                Identifier identifier =
                        m.addIdentifier().setSystem(maybe(this::uri)).setValue(maybe(this::text));
                if (chance(3)) {
                    identifier.setUse(Identifier.IdentifierUse.OFFICIAL);
                }
            }
            if (chance(90)) {
                m.setStatus(Media.MediaStatus.values()[random.nextInt(Media.MediaStatus.values().length - 1)]);
            }
            if (chance(80)) {
                m.setType(concept());
            }
            if (chance(80)) {
                m.setModality(concept());
            }
            if (chance(90)) {
                m.setSubject(reference());
            }
            if (chance(50)) {
                m.setEncounter(reference());
            }
            if (chance(80)) {
                m.setCreated(chance(50) ? dateTime() : period());
            }
            if (chance(80)) {
                m.setOperator(reference());
            }
            if (chance(80)) {
                m.setContent(attachment());
            }
            if (chance(3)) {
                m.addNote(new Annotation().setText("note"));
            }
            if (chance(3)) {
                m.getText()
                        .setStatus(org.hl7.fhir.r4.model.Narrative.NarrativeStatus.GENERATED)
                        .setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">x</div>");
            }
            if (chance(3)) {
                m.getStatusElement().setId("s1");
            }
            return m;
        }

        private void meta(Media m) {
            if (chance(70)) {
                m.getMeta().setVersionId(chance(90) ? "" + random.nextInt(20) : " ");
            }
            if (chance(70)) {
                m.getMeta().setLastUpdatedElement(new InstantType(date(), TemporalPrecisionEnum.MILLI, UTC));
            }
            if (chance(70)) {
                m.getMeta().addProfile(uri());
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                m.getMeta().addSecurity(coding());
            }
            if (chance(3)) {
                m.getMeta().addTag("http://example.org/tags", "t", null);
            }
        }

        private Extension extension(int depth) {
            Extension e = new Extension(chance(99) ? uri() : "/relative");
            if (depth > 0 && chance(25)) {
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    e.addExtension(extension(depth - 1).setUrl(pick("matter", "reference", "placed", "means")));
                }
            } else if (chance(99)) {
                e.setValue(value());
            }
            return e;
        }

        private Type value() {
            return switch (random.nextInt(chance(98) ? 14 : 15)) {
                case 0 -> new StringType(text());
                case 1 -> new CodeType(text());
                case 2 -> new BooleanType(random.nextBoolean());
                case 3 -> dateTime();
                case 4 ->
                    new DateType(1990 + random.nextInt(40) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9));
                case 5 -> new InstantType(date(), TemporalPrecisionEnum.MILLI, UTC);
                case 6 -> new Base64BinaryType(bytes());
                case 7 -> new UriType(uri());
                case 8 -> new IntegerType(random.nextInt() / (1 + random.nextInt(1000)));
                case 9 -> coding();
                case 10 -> concept();
                case 11 -> reference();
                case 12 -> period();
                case 13 -> new Identifier().setSystem(uri()).setValue(text());
                default -> new Quantity(random.nextInt(10));
            };
        }

        private CodeableConcept concept() {
            CodeableConcept c = new CodeableConcept();
            for (int i = random.nextInt(3); i > 0; i--) {
                c.addCoding(coding());
            }
            if (chance(20)) {
                c.setText(text());
            }
            return c;
        }

        private Coding coding() {
            Coding c = new Coding(maybe(this::uri), maybe(this::text), chance(20) ? text() : null);
            if (chance(10)) {
                c.setVersion("1.0");
            }
            if (chance(10)) {
                c.setUserSelected(random.nextBoolean());
            }
            return c;
        }

        private Reference reference() {
            Reference r = new Reference();
            switch (random.nextInt(chance(97) ? 5 : 8)) {
                case 5 -> r.setReference(BASE + "/Patient/p" + random.nextInt(9));
                case 6 -> r.setReference("#contained");
                case 7 -> r.setReference("Patient/p" + random.nextInt(9) + "/_history/2");
                case 4 -> {}
                default ->
                    r.setReference(pick("Patient", "Practitioner", "Encounter", "Location", "Consent") + "/"
                            + UUID.randomUUID());
            }
            if (chance(25)) {
                r.setDisplay(text());
            }
            if (chance(5)) {
                r.setType("Patient");
            }
            return r;
        }

        private DateTimeType dateTime() {
            return new DateTimeType(
                    date(),
                    pick(
                            TemporalPrecisionEnum.YEAR,
                            TemporalPrecisionEnum.MONTH,
                            TemporalPrecisionEnum.DAY,
                            TemporalPrecisionEnum.SECOND,
                            TemporalPrecisionEnum.MILLI),
                    UTC);
        }

        private Period period() {
            Period p = new Period();
            if (chance(90)) {
                p.setStartElement(dateTime());
            }
            if (chance(60)) {
                p.setEndElement(dateTime());
            }
            return p;
        }

        private Attachment attachment() {
            Attachment a = new Attachment();
            if (chance(70)) {
                a.addExtension(extension(0));
            }
            a.setContentType(maybe(() -> pick("video/webm", "audio/ogg", "image/png", "text/plain; charset=utf-8")));
            if (chance(70)) {
                a.setUrl(BASE + "/Binary/" + UUID.randomUUID() + "-content");
            }
            if (chance(70)) {
                a.setSize(random.nextInt(Integer.MAX_VALUE));
            }
            if (chance(70)) {
                a.setHash(bytes());
            }
            if (chance(10)) {
                a.setTitle(text());
            }
            if (chance(10)) {
                a.setCreationElement(dateTime());
            }
            if (chance(3)) {
                a.setData(bytes());
            }
            return a;
        }

        private Date date() {
            return new Date(946684800000L + (long) (random.nextDouble() * 1_000_000_000_000L));
        }

        private byte[] bytes() {
            byte[] bytes = new byte[random.nextInt(33)];
            random.nextBytes(bytes);
            return bytes;
        }

        private String uri() {
            return "https://fhir.example.org/" + pick("StructureDefinition", "CodeSystem") + "/" + random.nextInt(50);
        }

        private String text() {
            return pick(TEXT);
        }

        private <T> T maybe(Supplier<T> value) {
            return chance(80) ? value.get() : null;
        }

        @SafeVarargs
        private <T> T pick(T... values) {
            return values[random.nextInt(values.length)];
        }

        private boolean chance(int percent) {
            return random.nextInt(100) < percent;
        }
    }
}
