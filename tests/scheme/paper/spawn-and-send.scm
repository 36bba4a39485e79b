;; The paper's first example: a new process sends a string to its parent.
(let ((me (self)))
  (spawn
   (! me "hello, world.")))

(display (?))
(newline)
