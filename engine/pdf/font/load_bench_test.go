package font

import "testing"

// BenchmarkLoad is the once-per-process cost: finding and parsing the fonts.
func BenchmarkLoad(b *testing.B) {
	readFont(b, songFile, "fonts-arphic-gbsn00lp")
	b.ReportAllocs()
	for b.Loop() {
		s, err := Load(Config{})
		if err != nil {
			b.Fatal(err)
		}
		_ = s
	}
}
