//go:build unix

package docparse

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user + system) used by the process so far; the
// benchmark reports documents per CPU-second with it, a figure that does not
// depend on how busy the machine is.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
