package docparse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkParse parses each corpus document, reporting bytes/s, and a
// ~10 KB document (the first corpus document grown or cut to 10 KB)
// reporting documents/s. Target: ≥ 500 docs/s per core for 10 KB.
//
//	go test -bench . -benchtime 2s -cpu 1 ./internal/docparse
func BenchmarkParse(b *testing.B) {
	for _, p := range corpusFiles(b) {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(strings.TrimSuffix(filepath.Base(p), ".txt"), func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(raw); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	doc := tenKB(b)
	b.Run("10KB", func(b *testing.B) {
		b.SetBytes(int64(len(doc)))
		b.ReportAllocs()
		cpu0 := cpuTime()
		for b.Loop() {
			if _, err := Parse(doc); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		if cpu := cpuTime() - cpu0; cpu > 0 {
			// per CPU-second: independent of other load on the machine
			b.ReportMetric(float64(b.N)/cpu.Seconds(), "docs/cpu-s")
		}
	})
}

// tenKB builds a realistic 10 KB document: the Kế hoạch of the corpus cut
// at a line boundary near 10 KB, with its closing part appended.
func tenKB(tb testing.TB) []byte {
	raw, err := os.ReadFile("testdata/corpus/1026-KH-UBND.txt")
	if err != nil {
		tb.Fatal(err)
	}
	s := string(raw)
	cut := strings.Index(s, "\n|\nNơi nhận:")
	if cut < 0 {
		tb.Fatal("the Kế hoạch has no Nơi nhận")
	}
	tail := s[cut:]
	head := s[:10*1024-len(tail)]
	head = head[:strings.LastIndex(head, "\n")]
	return []byte(head + tail)
}
