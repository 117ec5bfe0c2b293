// Package proc runs functions defined in a notebook in separate OS
// processes: Go's counterpart of Python's multiprocessing, for the lessons
// that compare goroutines with processes. Cells import it as
// "gokernel/proc".
//
// A child process is the gokernel binary started in a child mode; it loads
// the notebook's declarations so far (imports, constants, types, variables
// and functions: not statements) into a fresh interpreter and calls the
// named function. Arguments and results travel by value, as JSON, and are
// converted to the function's parameter and result types. The child's
// output streams into the cell, each line labelled with the function and
// the process ID.
//
//	p, _ := proc.Start("task", "A")   // multiprocessing.Process(target=task, args=("A",)).start()
//	p.Wait()                          // .join()
//	squares, _ := proc.Map("square", []int{1, 2, 3, 4}, 2)   // Pool(2).map(square, [1, 2, 3, 4])
//
// Processes still running when their cell ends, is interrupted or the
// kernel stops are killed, so none is left behind.
package proc
