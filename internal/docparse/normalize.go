package docparse

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxInputBytes is the largest input Parse accepts. A directive is a few
// pages (the corpus documents are 2–17 KB); anything a thousand times larger
// is not one document, and refusing it keeps the parser's time and memory
// bounded for the server that calls it on uploads.
const MaxInputBytes = 1 << 20

// Sentinel errors, for errors.Is. The returned errors carry a message that
// explains the case to the person who uploaded the file.
var (
	// ErrEmpty: the input has no visible text.
	ErrEmpty = errors.New("docparse: input is empty")
	// ErrTooLarge: the input is longer than MaxInputBytes.
	ErrTooLarge = errors.New("docparse: input too large")
	// ErrNotText: the input is binary (NUL bytes) or mostly not UTF-8.
	ErrNotText = errors.New("docparse: input is not text")
)

// inputError is an error with a specific message that still matches one of
// the sentinel errors through errors.Is.
type inputError struct {
	kind error
	msg  string
}

func (e *inputError) Error() string { return "docparse: " + e.msg }
func (e *inputError) Unwrap() error { return e.kind }

// checkInput refuses input that cannot be a document. It returns the number
// of invalid UTF-8 bytes found in acceptable input (they become U+FFFD).
func checkInput(b []byte) (invalid int, err error) {
	if len(b) == 0 {
		return 0, &inputError{ErrEmpty, "input is empty"}
	}
	if len(b) > MaxInputBytes {
		return 0, &inputError{ErrTooLarge, fmt.Sprintf("input is %s; the limit is %s", mb(len(b)), mb(MaxInputBytes))}
	}
	visible, controls := 0, 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			switch {
			case c == 0:
				return 0, &inputError{ErrNotText, fmt.Sprintf("input contains a NUL byte at offset %d; it looks like a binary file, not text", i)}
			case c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v':
			case c < 0x20 || c == 0x7f:
				controls++
			case c != ' ':
				visible++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		} else if !unicode.IsSpace(r) && !isInvisible(r) {
			visible++
		}
		i += n
	}
	if bad := invalid + controls; bad*5 > len(b) {
		return 0, &inputError{ErrNotText, fmt.Sprintf("input is not UTF-8 text: %d%% of its bytes are invalid or control characters", bad*100/len(b))}
	}
	if visible == 0 {
		return 0, &inputError{ErrEmpty, "input has only white space"}
	}
	return invalid, nil
}

func mb(n int) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", (n+1023)/1024)
}

func isInvisible(r rune) bool {
	switch r {
	case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x200E, 0x200F:
		return true
	}
	return false
}

// normalize maps the raw input to clean text: LF line ends, plain spaces,
// no zero-width characters, OCR look-alikes fixed (Ð U+00D0 → Đ), dashes
// unified, NFC, and old-style tone placement ("hoà", "uỷ") made modern so
// that dictionaries match either spelling.
func normalize(b []byte) text {
	bl := newBuilder(len(b) + 16)
	for i := 0; i < len(b); {
		c := b[i]
		if c >= 0x20 && c < 0x7f || c == '\n' {
			// a run of plain ASCII is copied as is
			j := i + 1
			for j < len(b) && (b[j] >= 0x20 && b[j] < 0x7f || b[j] == '\n') {
				j++
			}
			bl.b = append(bl.b, b[i:j]...)
			for k := i; k < j; k++ {
				bl.start = append(bl.start, int32(k))
				bl.end = append(bl.end, int32(k+1))
			}
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			switch {
			case c == '\r':
				if i+1 < len(b) && b[i+1] == '\n' {
					i++
					continue
				}
				bl.add("\n", int32(i), int32(i+1))
			case c == '\t' || c == '\f' || c == '\v':
				bl.add(" ", int32(i), int32(i+1))
			case c == '\n' || c >= 0x20 && c != 0x7f:
				bl.b = append(bl.b, c)
				bl.start = append(bl.start, int32(i))
				bl.end = append(bl.end, int32(i+1))
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		st, en := int32(i), int32(i+n)
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			bl.addRune(utf8.RuneError, st, en)
		case isInvisible(r):
		case r == 0x00D0 || r == 0x0189:
			bl.addRune('Đ', st, en)
		case r == 0x00F0:
			bl.addRune('đ', st, en)
		case r >= 0x2010 && r <= 0x2015 || r == 0x2212:
			bl.add("-", st, en)
		case r == 0x2026:
			bl.add("...", st, en)
		case unicode.IsSpace(r):
			if r == 0x2028 || r == 0x2029 || r == 0x85 {
				bl.add("\n", st, en)
			} else {
				bl.add(" ", st, en)
			}
		case unicode.IsControl(r):
		default:
			bl.addRune(r, st, en)
		}
	}
	t := bl.text()
	if !norm.NFC.IsNormalString(t.s) {
		t = toNFC(t)
	}
	return retone(t)
}

// toNFC composes t, mapping each composed segment to its source range.
func toNFC(t text) text {
	bl := newBuilder(len(t.s))
	var it norm.Iter
	it.InitString(norm.NFC, t.s)
	for !it.Done() {
		p := it.Pos()
		seg := it.Next()
		q := it.Pos()
		if q <= p {
			break
		}
		bl.add(string(seg), t.start[p], t.end[q-1])
	}
	return bl.text()
}

// Old-style tone marks on "oa", "oe", "uy" in open syllables ("hoà", "uỷ")
// are rewritten to the modern placement ("hòa", "ủy") that the dictionaries
// use. The two letters swap their marks; both map to the original pair.
var retoneMap = map[string]string{}

func init() {
	pairs := [][2]string{
		{"oà", "òa"}, {"oá", "óa"}, {"oả", "ỏa"}, {"oã", "õa"}, {"oạ", "ọa"},
		{"oè", "òe"}, {"oé", "óe"}, {"oẻ", "ỏe"}, {"oẽ", "õe"}, {"oẹ", "ọe"},
		{"uỳ", "ùy"}, {"uý", "úy"}, {"uỷ", "ủy"}, {"uỹ", "ũy"}, {"uỵ", "ụy"},
	}
	for _, p := range pairs {
		retoneMap[p[0]] = p[1]
		retoneMap[strings.ToUpper(p[0])] = strings.ToUpper(p[1])
		// Title case: "Uỷ" → "Ủy", "Hoà" is covered by the lower form.
		f, _ := utf8.DecodeRuneInString(p[0])
		rest := p[0][utf8.RuneLen(f):]
		g, _ := utf8.DecodeRuneInString(p[1])
		rest2 := p[1][utf8.RuneLen(g):]
		retoneMap[string(unicode.ToUpper(f))+rest] = string(unicode.ToUpper(g)) + rest2
	}
}

func retone(t text) text {
	if !strings.ContainsAny(t.s, "àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ") {
		return t
	}
	var bl *builder
	last := 0
	s := t.s
	for i := 0; i < len(s); {
		c := s[i]
		if c != 'o' && c != 'O' && c != 'u' && c != 'U' {
			i++
			continue
		}
		if i > 0 && (s[i-1] == 'q' || s[i-1] == 'Q') {
			i++
			continue
		}
		_, n := utf8.DecodeRuneInString(s[i+1:])
		j := i + 1 + n
		if n < 2 || j > len(s) {
			i++
			continue
		}
		rep, ok := retoneMap[s[i:j]]
		if !ok {
			i++
			continue
		}
		if j < len(s) {
			r, _ := utf8.DecodeRuneInString(s[j:])
			if unicode.IsLetter(r) {
				i = j
				continue
			}
		}
		if bl == nil {
			bl = newBuilder(len(s))
		}
		bl.copyFrom(t, last, i)
		bl.add(rep, t.start[i], t.end[j-1])
		last = j
		i = j
	}
	if bl == nil {
		return t
	}
	bl.copyFrom(t, last, len(s))
	return bl.text()
}
