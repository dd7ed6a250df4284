package docparse

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Speed: the regular expressions of the deadline and symbol grammars are
// run only on short windows of text around the places where a match can
// start (digits, cue words), and on a lower-cased copy instead of with
// (?i). This keeps Parse linear with a small constant: a 10 KB directive
// takes well under 2 ms.

// foldSameLen lower-cases s rune by rune where the lower-case rune has the
// same UTF-8 length (true for Vietnamese), so byte offsets stay valid.
func foldSameLen(s string) string {
	var b []byte
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				if b == nil {
					b = []byte(s)
				}
				b[i] = c + 'a' - 'A'
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsUpper(r) {
			if l := unicode.ToLower(r); utf8.RuneLen(l) == n {
				if b == nil {
					b = []byte(s)
				}
				utf8.EncodeRune(b[i:], l)
			}
		}
		i += n
	}
	if b == nil {
		return s
	}
	return string(b)
}

// window is a byte range of a string.
type window struct{ i, j int }

// digitWindows returns merged windows [p-before, p+after) around each run
// of digits in s, on rune boundaries.
func digitWindows(s string, before, after int) []window {
	var ws []window
	for p := 0; p < len(s); p++ {
		c := s[p]
		if c < '0' || c > '9' {
			continue
		}
		i, j := runeStart(s, max(0, p-before)), runeStart(s, min(len(s), p+after))
		if n := len(ws); n > 0 && i <= ws[n-1].j {
			ws[n-1].j = max(ws[n-1].j, j)
		} else {
			ws = append(ws, window{i, j})
		}
		for p+1 < len(s) && s[p+1] >= '0' && s[p+1] <= '9' {
			p++
		}
	}
	return ws
}

// runeStart moves p back to the start of the rune holding it.
func runeStart(s string, p int) int {
	if p >= len(s) {
		return len(s)
	}
	for p > 0 && !utf8.RuneStart(s[p]) {
		p--
	}
	return p
}

// containsAny reports whether s contains one of the words.
func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// firstMatchNear runs re only on windows around the occurrences of the cue
// words in s ([p-before, p+len(cue)+after)) and returns the leftmost match
// (submatch indices in s), or nil. A match must contain its cue, so this
// finds what re.FindStringSubmatchIndex(s) would, in time proportional to
// the number of cues rather than the length of s.
func firstMatchNear(re *regexp.Regexp, s string, cues []string, before, after int) []int {
	var best []int
	for _, cue := range cues {
		for p := 0; p < len(s); {
			q := strings.Index(s[p:], cue)
			if q < 0 {
				break
			}
			q += p
			if best != nil && q-before > best[0] {
				break
			}
			i := runeStart(s, max(0, q-before))
			j := runeStart(s, min(len(s), q+len(cue)+after))
			for _, m := range re.FindAllStringSubmatchIndex(s[i:j], -1) {
				if m[0] > q-i || m[1] < q-i+len(cue) {
					continue // not around this cue
				}
				if best == nil || m[0]+i < best[0] {
					best = make([]int, len(m))
					for k, x := range m {
						if x >= 0 {
							x += i
						}
						best[k] = x
					}
				}
				break
			}
			p = q + len(cue)
		}
	}
	return best
}
