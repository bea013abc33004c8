package batch

// SpillRecords makes batches keep their units' records in a file from the
// first (records, store.go), until the returned function is called.
func SpillRecords() (restore func()) {
	old := spillAbove
	spillAbove = 0
	return func() { spillAbove = old }
}
