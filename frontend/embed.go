// Package frontend embeds the built admin single-page app (dist/) into the
// binary. The server package is its only importer.
package frontend

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// Dist returns the built app, rooted at its index.html.
func Dist() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // dist is embedded at build time; a failure is a build bug
	}
	return sub
}
