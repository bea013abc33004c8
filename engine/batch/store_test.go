package batch

import (
	"bytes"
	"fmt"
	"testing"
)

// TestRecordsSpill puts records in a store that spills past 100 bytes:
// those put before the spill and after read back the same, and a closed
// store refuses to read.
func TestRecordsSpill(t *testing.T) {
	s := newRecords()
	s.spill = 100
	var refs []ref
	var want [][]byte
	for i := range 40 {
		data := bytes.Repeat([]byte(fmt.Sprintf("record %d;", i)), i%7+1)
		r, err := s.put(data)
		if err != nil {
			t.Fatal(err)
		}
		refs, want = append(refs, r), append(want, data)
		if i == 3 && s.f != nil {
			t.Fatal("spilled before 100 bytes")
		}
	}
	if s.f == nil {
		t.Fatal("not spilled")
	}
	for i, r := range refs {
		got, err := s.get(r)
		if err != nil || !bytes.Equal(got, want[i]) {
			t.Errorf("record %d: %q, %v; want %q", i, got, err, want[i])
		}
	}
	if _, err := s.get(0); err == nil {
		t.Error("ref 0 read")
	}
	s.close()
	if _, err := s.get(refs[0]); err == nil {
		t.Error("a closed store read")
	}
}
