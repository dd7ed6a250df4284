package docparse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or a punctuation mark of a clause. i, j are byte offsets
// in the clause string; low is the lower-cased word.
type token struct {
	s, low string
	i, j   int
	punct  bool
}

func (t token) capital() bool {
	r, _ := utf8.DecodeRuneInString(t.s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// tokenize splits s into words and single punctuation marks. A hyphen inside
// a word ("44-KL/TW", "COVID-19") stays in the word; a spaced dash is a
// token of its own.
func tokenize(s string) []token {
	return tokenizeInto(make([]token, 0, len(s)/6+1), s)
}

// tokenizeInto appends the tokens of s to toks (a reused buffer).
func tokenizeInto(toks []token, s string) []token {
	for i := 0; i < len(s); {
		if c := s[i]; c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= utf8.RuneSelf && unicode.IsSpace(r) {
			i += n
			continue
		}
		if isWordRune(r) {
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r2) {
					j += n2
					continue
				}
				// inner joiners: 44-KL/TW, b/c, 1.2
				if (r2 == '-' || r2 == '/' || r2 == '.') && j+n2 < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+n2:])
					if isWordRune(r3) && (r2 != '.' || unicode.IsDigit(r3)) {
						j += n2
						continue
					}
				}
				break
			}
			w := s[i:j]
			toks = append(toks, token{s: w, low: lowerWord(w), i: i, j: j})
			i = j
			continue
		}
		toks = append(toks, token{s: s[i : i+n], low: s[i : i+n], i: i, j: i + n, punct: true})
		i += n
	}
	return toks
}

// lowerWord lower-cases a word, without allocating when it has no capital.
func lowerWord(w string) string {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return strings.ToLower(w)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		if unicode.IsUpper(r) {
			return strings.ToLower(w)
		}
		i += n
	}
	return w
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if r >= 0x00C0 && r <= 0x024F && r != 0x00D7 && r != 0x00F7 || r >= 0x1EA0 && r <= 0x1EFF {
		return true // Latin letters with diacritics, Vietnamese
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// phrase is a lower-case word sequence used in dictionaries; "," may be a
// word of it ("chi , đảng bộ").
type phrase []string

// dict maps the first word of each phrase to the phrases starting with it,
// longest first.
type dict map[string][]phrase

func newDict(entries ...string) dict {
	d := dict{}
	for _, e := range entries {
		ws := strings.Fields(strings.ToLower(e))
		if len(ws) == 0 {
			continue
		}
		d[ws[0]] = append(d[ws[0]], ws)
	}
	for k, ps := range d {
		// longest first
		for a := 1; a < len(ps); a++ {
			for b := a; b > 0 && len(ps[b]) > len(ps[b-1]); b-- {
				ps[b], ps[b-1] = ps[b-1], ps[b]
			}
		}
		d[k] = ps
	}
	return d
}

// match returns the length in tokens of the longest phrase of d at toks[k:],
// or 0.
func (d dict) match(toks []token, k int) int {
	if k >= len(toks) {
		return 0
	}
	for _, p := range d[toks[k].low] {
		if k+len(p) > len(toks) {
			continue
		}
		ok := true
		for x, w := range p {
			if toks[k+x].low != w {
				ok = false
				break
			}
		}
		if ok {
			return len(p)
		}
	}
	return 0
}
