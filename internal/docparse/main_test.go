package docparse

import (
	"flag"
	"os"
	"testing"
)

// TestMain shortens the fuzzer's minimising of new inputs when no
// -fuzzminimizetime is given: by default each new input may be minimised
// for 60 s, which would use up a short fuzzing run (CI fuzzes for 30 s) on
// one input. New inputs are still saved; they are just not made smaller.
func TestMain(m *testing.M) {
	flag.Parse()
	set := false
	flag.Visit(func(f *flag.Flag) {
		if f.Name == "test.fuzzminimizetime" {
			set = true
		}
	})
	if !set {
		_ = flag.Set("test.fuzzminimizetime", "0")
	}
	os.Exit(m.Run())
}
