package docparse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// text is a string derived from the input together with, for each of its
// bytes, the byte range of the original input it came from. Cleaning steps
// (line endings, Markdown debris, NFC) build new texts, so any match in a
// cleaned string can still be reported as a Span of the original bytes.
type text struct {
	s     string
	start []int32 // start[k]: original offset where byte k's source begins
	end   []int32 // end[k]: original offset where byte k's source ends
}

// span maps the byte range [i, j) of t to the original input.
func (t text) span(i, j int) Span {
	if i < 0 {
		i = 0
	}
	if j > len(t.s) {
		j = len(t.s)
	}
	if len(t.s) == 0 || i >= len(t.s) {
		if len(t.end) > 0 {
			e := int(t.end[len(t.end)-1])
			return Span{e, e}
		}
		return Span{}
	}
	if j <= i {
		s := int(t.start[i])
		return Span{s, s}
	}
	return Span{int(t.start[i]), int(t.end[j-1])}
}

func (t text) slice(i, j int) text {
	return text{s: t.s[i:j], start: t.start[i:j], end: t.end[i:j]}
}

// builder accumulates a text.
type builder struct {
	b          []byte
	start, end []int32
}

func newBuilder(n int) *builder {
	return &builder{b: make([]byte, 0, n), start: make([]int32, 0, n), end: make([]int32, 0, n)}
}

// add appends s, all of whose bytes came from original range [st, en).
func (b *builder) add(s string, st, en int32) {
	b.b = append(b.b, s...)
	for range len(s) {
		b.start = append(b.start, st)
		b.end = append(b.end, en)
	}
}

func (b *builder) addRune(r rune, st, en int32) {
	b.b = utf8.AppendRune(b.b, r)
	for len(b.start) < len(b.b) {
		b.start = append(b.start, st)
		b.end = append(b.end, en)
	}
}

// copyFrom appends t[i:j] keeping its mapping.
func (b *builder) copyFrom(t text, i, j int) {
	b.b = append(b.b, t.s[i:j]...)
	b.start = append(b.start, t.start[i:j]...)
	b.end = append(b.end, t.end[i:j]...)
}

func (b *builder) len() int { return len(b.b) }

func (b *builder) text() text {
	return text{s: string(b.b), start: b.start, end: b.end}
}

// identity returns the text of s mapped onto itself.
func identity(s string) text {
	t := text{s: s, start: make([]int32, len(s)), end: make([]int32, len(s))}
	for i := 0; i < len(s); {
		_, n := utf8.DecodeRuneInString(s[i:])
		for k := i; k < i+n; k++ {
			t.start[k] = int32(i)
			t.end[k] = int32(i + n)
		}
		i += n
	}
	return t
}

// collapse returns s with runs of white space replaced by one space and the
// ends trimmed. Used for values taken from several wrapped lines.
func collapse(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\n' || c == '\t' || c == '\r' || c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			space = len(b) > 0
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = append(b, c)
	}
	return string(b)
}

// trimPunct trims white space and list punctuation around a value.
func trimPunct(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:.-+•*|", r)
	})
}

// trimRange narrows [i, j) of s so that it excludes leading and trailing
// characters in cut (and white space).
func trimRange(s string, i, j int, cut string) (int, int) {
	for i < j {
		r, n := utf8.DecodeRuneInString(s[i:j])
		if !unicode.IsSpace(r) && !strings.ContainsRune(cut, r) {
			break
		}
		i += n
	}
	for j > i {
		r, n := utf8.DecodeLastRuneInString(s[i:j])
		if !unicode.IsSpace(r) && !strings.ContainsRune(cut, r) {
			break
		}
		j -= n
	}
	return i, j
}

// isUpperLine reports whether s has at least two letters and no lower-case
// letter: header lines, type names and signature formulas are printed so.
func isUpperLine(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if unicode.IsLower(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// upperRatio is the share of upper-case letters among the letters of s.
func upperRatio(s string) float64 {
	up, all := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			all++
			if unicode.IsUpper(r) {
				up++
			}
		}
	}
	if all == 0 {
		return 0
	}
	return float64(up) / float64(all)
}

// startsUpper reports whether the first letter of s is upper case.
func startsUpper(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
		if unicode.IsDigit(r) {
			return false
		}
	}
	return false
}
