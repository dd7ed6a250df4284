// Package textfold folds Vietnamese text for matching: case, spacing,
// punctuation and diacritics (including đ/Đ) are ignored, so "Hội Chữ thập
// đỏ quận" matches "hoi chu thap do quan" and "HỘI CHỮ THẬP ĐỎ QUẬN".
package textfold

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s lower-cased, without diacritics, with every run of
// non-letters and non-digits turned into one space, trimmed.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case r == 'Ð': // Latin eth, a frequent OCR stand-in for Đ
			r = 'd'
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		space = true
	}
	return b.String()
}
