;; The internal helpers of SRFI 1's multi-list procedures, given no lists
;; at all, have no tuples and no tails to give: they end at once (they used
;; to loop, consing, until memory ran out).
(write (%srfi1-tuples '()))
(newline)
(write (%srfi1-sublists '()))
(newline)
;; and the public procedures that use them still stop at the shortest list
(write (fold-right cons* '() '(a b c) '(1 2)))
(newline)
(write (pair-fold-right cons '() '(a b)))
(newline)
