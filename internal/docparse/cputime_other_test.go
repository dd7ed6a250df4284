//go:build !unix

package docparse

import "time"

func cpuTime() time.Duration { return 0 }
