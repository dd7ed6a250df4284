package docparse

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

// FuzzParse checks the invariants on any input: no panic, either one of the
// input errors or a draft whose spans lie within the input and which
// marshals to JSON. The seed corpus in testdata/fuzz/FuzzParse holds
// truncated and garbled documents; the corpus documents are added here in
// pieces of a few KB (header, body, closing part), which keeps each run
// and the minimising of new inputs fast.
func FuzzParse(f *testing.F) {
	for _, p := range corpusFiles(f) {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for _, piece := range pieces(b, 2500) {
			f.Add(piece)
		}
	}
	for _, s := range []string{tinhUyPlan, huyenUyPlan, dangUyCV, vpcpCV, ubndDecision} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		var dr *Draft
		var err error
		done := make(chan struct{})
		go func() {
			defer close(done)
			dr, err = Parse(in)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("Parse took more than 5s on %d bytes", len(in))
		}
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrNotText) {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		if dr.Size != len(in) {
			t.Fatalf("size %d, want %d", dr.Size, len(in))
		}
		checkSpans(t, dr)
	})
}

// pieces cuts b at line ends into parts of about n bytes.
func pieces(b []byte, n int) [][]byte {
	var out [][]byte
	for len(b) > 0 {
		if len(b) <= n {
			out = append(out, b)
			break
		}
		cut := bytes.LastIndexByte(b[:n], '\n')
		if cut <= 0 {
			cut = n
		}
		out = append(out, b[:cut+1])
		b = b[cut+1:]
	}
	return out
}

// TestAdversarial parses inputs built to trip super-linear code: a
// megabyte of "1." items, one megabyte-long line, deep nesting of markers,
// long name lists, and runs of symbols and dates. It only checks that Parse
// returns (the test run's timeout catches a hang).
func TestAdversarial(t *testing.T) {
	const n = MaxInputBytes
	fill := func(unit string) []byte {
		var b bytes.Buffer
		for b.Len()+len(unit) <= n {
			b.WriteString(unit)
		}
		return b.Bytes()
	}
	cases := map[string][]byte{
		"numbered lines":  fill("1.\n"),
		"numbered items":  fill("12. Sở Nội vụ chủ trì, phối hợp với Sở Tài chính báo cáo UBND tỉnh trước ngày 15/12/2025.\n"),
		"one long line":   fill("Bộ Lao động - Thương binh và Xã hội và "),
		"long list":       fill("Sở A, "),
		"roman sections":  fill("I. MỤC ĐÍCH\nII. NỘI DUNG\n1.1. a\n"),
		"nested markers":  fill("- + a) (1) 1.1.1. "),
		"symbols":         fill("Kết luận số 44-KL/TW, ngày 14/11/2022 của Ban Bí thư; "),
		"dates":           fill("ngày 06 tháng 3 năm 2023, "),
		"kính gửi":        fill("Kính gửi:\n- Hội đồng nhân dân, Ủy ban nhân dân quận,\n"),
		"nơi nhận":        fill("Nơi nhận:\n- Như trên,\n"),
		"formulas":        fill("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\n"),
		"upper":           fill("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\n"),
		"dashes":          fill("-"),
		"stars":           fill("* "),
		"table":           fill("| a | b |\n"),
		"blank lines":     fill("\n\n\nx"),
		"combining marks": fill("a\u0301\u0323"),
		"và chain":        fill("Sở Khoa học và Công nghệ và "),
	}
	for name, in := range cases {
		t.Run(strings.ReplaceAll(name, " ", "_"), func(t *testing.T) {
			dr, err := Parse(in)
			if err != nil {
				if errors.Is(err, ErrNotText) || errors.Is(err, ErrEmpty) {
					return
				}
				t.Fatalf("%v", err)
			}
			checkSpans(t, dr)
		})
	}
}
