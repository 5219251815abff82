package dev.kiln.artifact.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteRangeTest {

    @ParameterizedTest(name = "{0} of {1} bytes -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "bytes=0-9            | 1000 | bytes 0-9/1000",
        "bytes=0-0            | 1000 | bytes 0-0/1000",
        "bytes=990-           | 1000 | bytes 990-999/1000",
        "bytes=-10            | 1000 | bytes 990-999/1000",
        "bytes=-5000          | 1000 | bytes 0-999/1000",
        "bytes=500-5000       | 1000 | bytes 500-999/1000",
        "bytes=999-999        | 1000 | bytes 999-999/1000",
        "BYTES = 1 - 2        | 1000 | bytes 1-2/1000",
        "bytes=-1             | 1    | bytes 0-0/1",
    })
    void selectsOneSatisfiableRange(String header, long size, String contentRange) {
        ByteRange range = ByteRange.parse(header, size);

        assertThat(range).isInstanceOf(ByteRange.Partial.class);
        assertThat(((ByteRange.Partial) range).contentRange()).isEqualTo(contentRange);
    }

    @ParameterizedTest(name = "{0} of {1} bytes -> 416")
    @CsvSource(delimiter = '|', value = {
        "bytes=1000-       | 1000",
        "bytes=1000-1001   | 1000",
        "bytes=-0          | 1000",
        "bytes=0-          | 0",
        "bytes=5-9         | 0",
    })
    void selectsNothingWhenNoByteIsInRange(String header, long size) {
        ByteRange range = ByteRange.parse(header, size);

        assertThat(range).isEqualTo(new ByteRange.Unsatisfiable(size));
        assertThat(((ByteRange.Unsatisfiable) range).contentRange()).isEqualTo("bytes */" + size);
    }

    @ParameterizedTest(name = "{0} -> whole object")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "-",
        "bytes=0-1,5-6",
        "items=0-9",
        "bytes=9-0",
        "bytes=-",
        "bytes=a-b",
        "bytes 0-9",
        "bytes=99999999999999999999-",
        "bytes=-10 (on an empty object)",
    })
    void servesTheWholeObjectForWhatItMayIgnore(String header) {
        long size = header != null && header.contains("empty") ? 0 : 1000;
        String value = header != null && header.contains("empty") ? "bytes=-10" : header;

        assertThat(ByteRange.parse(value, size)).isEqualTo(new ByteRange.Whole());
    }
}
