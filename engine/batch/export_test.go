package batch

// SpillRecords makes batches keep their units' records in a file past
// above bytes (records, store.go), until the returned function is called.
func SpillRecords(above int64) (restore func()) {
	old := spillAbove
	spillAbove = above
	return func() { spillAbove = old }
}
