package docparse

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestConversionVariants re-scores the corpus documents after the changes
// other conversions make: CRLF line ends, decomposed Unicode, old-style
// tone marks, OCR's Ð for Đ, no-break and zero-width spaces, and Markdown
// stripped to plain text. The parse must not depend on how the text was
// converted.
func TestConversionVariants(t *testing.T) {
	variants := map[string]func(string) string{
		"crlf": func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") },
		"nfd":  func(s string) string { return norm.NFD.String(s) },
		"old-tones": func(s string) string {
			return strings.NewReplacer("ủy", "uỷ", "Ủy", "Uỷ", "ỦY", "UỶ", "hòa", "hoà", "HÒA", "HOÀ").Replace(s)
		},
		"ocr-eth": func(s string) string { return strings.ReplaceAll(s, "Đ", "\u00d0") },
		"nbsp-zwsp": func(s string) string {
			s = strings.ReplaceAll(s, "Số ", "Số\u00a0")
			s = strings.ReplaceAll(s, "Kính gửi", "Kính\u00a0gửi")
			return strings.ReplaceAll(s, "ngày ", "ngày\u200b ")
		},
		"plain": func(s string) string {
			s = strings.NewReplacer("**", "", "*", "", "# ", "").Replace(s)
			var out []string
			for _, l := range strings.Split(s, "\n") {
				if strings.HasPrefix(strings.TrimSpace(l), "|") {
					for _, c := range strings.Split(l, "|") {
						if c = strings.TrimSpace(c); c != "" && strings.Trim(c, "-") != "" {
							out = append(out, c)
						}
					}
					continue
				}
				out = append(out, l)
			}
			return strings.Join(out, "\n")
		},
	}
	for _, f := range corpusFiles(t) {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var gold obj
		exp, _ := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".expected.json")
		if err := json.Unmarshal(exp, &gold); err != nil {
			t.Fatal(err)
		}
		for vname, fn := range variants {
			t.Run(name+"/"+vname, func(t *testing.T) {
				in := fn(string(raw))
				dr, err := Parse([]byte(in))
				if err != nil {
					t.Fatal(err)
				}
				checkSpans(t, dr)
				b, _ := json.Marshal(dr.Corpus())
				var got obj
				_ = json.Unmarshal(b, &got)
				parts, score := scoreParts(gold, got)
				if score < 1 {
					t.Logf("score %.3f\n%s", score, formatParts(parts))
				}
				if score < 0.95 {
					t.Errorf("score %.3f\n%s", score, formatParts(parts))
				}
			})
		}
	}
}
