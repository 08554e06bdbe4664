;;; nianbao.el --- Eglot setup for the nianbao annual-report language server  -*- lexical-binding: t -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1") (eglot "1.9"))
;; Keywords: languages, tools
;; URL: https://example.invalid/nianbao

;;; Commentary:

;; Checks 政府信息公开工作年度报告 drafts (.txt / .md) with `nianbao lsp'
;; through Eglot (built into Emacs 29+, the `elpa-eglot' package on Debian's
;; Emacs 28).  Findings appear through Flymake; quick fixes through
;; `eglot-code-actions'.
;;
;;   (add-to-list 'load-path "/path/to/nianbao/editors/emacs")
;;   (require 'nianbao)
;;   (setq nianbao-executable "nianbao"        ; or an absolute path
;;         nianbao-settings '(:reportYear 2025 :rules (:year/stale "off")))
;;   (add-hook 'text-mode-hook #'nianbao-eglot-ensure)   ; markdown-mode derives from text-mode
;;
;; `nianbao-eglot-ensure' starts Eglot only in buffers that look like an
;; annual report (a title with 政府信息公开工作年度报告 in the first lines) or
;; that live under a directory containing nianbao.toml, so other text files
;; are left alone.
;;
;; Commands: `nianbao-insert-skeleton' (插入年报模板) and `nianbao-insert-table'
;; (插入表二/表三/表四) insert `nianbao skeleton --year Y' output; they work
;; without the server running.

;;; Code:

(require 'eglot)
(require 'cl-lib)
(require 'subr-x)

(defgroup nianbao nil
  "政府信息公开工作年度报告检查（nianbao 语言服务器）."
  :group 'tools
  :prefix "nianbao-")

(defcustom nianbao-executable "nianbao"
  "The nianbao executable (name on `exec-path' or absolute file name)."
  :type 'string)

(defcustom nianbao-settings nil
  "Server settings: a plist sent as initializationOptions and as
workspace/didChangeConfiguration {\"nianbao\": SETTINGS}.
Keys: :reportYear :bodyLevel :format :rules :debounceMs :include
:deadline, for example
  (:reportYear 2025 :rules (:year/stale \"off\")
   :deadline (:township \"01-31\"))."
  :type 'plist)

(defclass nianbao-eglot-server (eglot-lsp-server) ()
  "An Eglot connection to `nianbao lsp'.")

(cl-defmethod eglot-initialization-options ((_server nianbao-eglot-server))
  (or nianbao-settings eglot--{}))

(defun nianbao--contact (&optional _interactive)
  "Eglot contact for nianbao: (CLASS PROGRAM ARGS...)."
  (list 'nianbao-eglot-server nianbao-executable "lsp"))

(defun nianbao-workspace-configuration (server)
  "`eglot-workspace-configuration' value for SERVER.
The nianbao settings for nianbao servers, nothing for others."
  (when (cl-typep server 'nianbao-eglot-server)
    (list :nianbao (or nianbao-settings eglot--{}))))

;; Register: markdown first, because `markdown-mode' derives from `text-mode'
;; and Eglot uses the first matching entry.  Eglot 1.9 keeps one languageId
;; per server, hence two entries with explicit ids ("plaintext", "markdown").
(add-to-list 'eglot-server-programs '((text-mode :language-id "plaintext") . nianbao--contact))
(add-to-list 'eglot-server-programs
             '(((markdown-mode :language-id "markdown") (gfm-mode :language-id "markdown")) . nianbao--contact))
;; Settings reach the server through `eglot-workspace-configuration' too,
;; unless the user already set it (then add a :nianbao section there).
(unless (default-value 'eglot-workspace-configuration)
  (setq-default eglot-workspace-configuration #'nianbao-workspace-configuration))

(defun nianbao--report-buffer-p ()
  "Non-nil if the current buffer looks like an annual report draft."
  (or (and buffer-file-name
           (locate-dominating-file buffer-file-name "nianbao.toml"))
      (save-excursion
        (save-restriction
          (widen)
          (goto-char (point-min))
          (re-search-forward "信息公开工作年度报告" (save-excursion (forward-line 20) (point)) t)))))

;;;###autoload
(defun nianbao-eglot-ensure ()
  "Start Eglot with nianbao if this buffer looks like an annual report."
  (when (nianbao--report-buffer-p)
    (eglot-ensure)))

(defun nianbao-update-settings (settings)
  "Merge plist SETTINGS into `nianbao-settings'.
Then send them to the running nianbao servers."
  (cl-loop for (k v) on settings by #'cddr do (setq nianbao-settings (plist-put nianbao-settings k v)))
  (dolist (servers (hash-table-values eglot--servers-by-project))
    (dolist (s servers)
      (when (cl-typep s 'nianbao-eglot-server)
        (jsonrpc-notify s :workspace/didChangeConfiguration
                        (list :settings (list :nianbao (or nianbao-settings eglot--{}))))))))

;;; Report template

(defconst nianbao--numerals ["一" "二" "三" "四" "五" "六"])

(defun nianbao-detect-year ()
  "The report year from the title of the current buffer, or nil."
  (save-excursion
    (save-restriction
      (widen)
      (goto-char (point-min))
      (when (re-search-forward "\\([12][0-9][0-9][0-9]\\)[ \t]*年度?[ \t]*\\(?:政府\\)?信息公开工作年度报告"
                               (save-excursion (forward-line 20) (point)) t)
        (string-to-number (match-string 1))))))

(defun nianbao--year (arg)
  (cond ((numberp arg) arg)
        ((and (stringp arg) (string-match-p "\\`[0-9]\\{4\\}\\'" arg)) (string-to-number arg))
        ((plist-get nianbao-settings :reportYear))
        ((nianbao-detect-year))
        (t (read-number "报告年度: " (1- (string-to-number (format-time-string "%Y")))))))

(defun nianbao--skeleton (year)
  "Output of `nianbao skeleton --year YEAR' in the current buffer's table style."
  (let ((args (append (list "skeleton" "--year" (number-to-string year))
                      (when (derived-mode-p 'markdown-mode) (list "--style" "markdown")))))
    (with-temp-buffer
      (let ((status (apply #'call-process nianbao-executable nil t nil args)))
        (unless (eql status 0)
          (error "nianbao skeleton 失败（%s）：%s" status (buffer-string)))
        (buffer-string)))))

(defun nianbao-table-number (which)
  "二/三/四, 表三, 2..4 or \"3\" -> 2..4, else nil."
  (let ((s (if (numberp which) (number-to-string which) (string-trim (or which "")))))
    (setq s (string-remove-prefix "表" s))
    (let ((n (or (and (string-match-p "\\`[234]\\'" s) (string-to-number s))
                 (let ((i (cl-position s nianbao--numerals :test #'equal))) (and i (1+ i))))))
      (and n (<= 2 n 4) n))))

(defun nianbao-section-body (skeleton n)
  "Body of section N (its table for 2..4) in SKELETON text, or nil."
  (let* ((lines (split-string skeleton "\n"))
         (heading (lambda (l)
                    (and (not (string-match-p "[\t|]" l))
                         (let ((s (replace-regexp-in-string "\\`#+[ \t]*" "" l)))
                           (cl-loop for i from 0 below 6
                                    when (string-prefix-p (concat (aref nianbao--numerals i) "、") s)
                                    return (1+ i))))))
         (start (cl-position-if (lambda (l) (eql (funcall heading l) n)) lines)))
    (when start
      (let* ((rest (nthcdr (1+ start) lines))
             (stop (or (cl-position-if heading rest) (length rest)))
             (body (cl-subseq rest 0 stop)))
        (while (and body (string-blank-p (car body))) (pop body))
        (setq body (nreverse body))
        (while (and body (string-blank-p (car body))) (pop body))
        (when body (concat (string-join (nreverse body) "\n") "\n"))))))

;;;###autoload
(defun nianbao-insert-skeleton (&optional year)
  "插入年报模板：the whole report skeleton for YEAR, at point."
  (interactive (list (nianbao--year current-prefix-arg)))
  (let ((year (nianbao--year year)))
    (insert (nianbao--skeleton year))))

;;;###autoload
(defun nianbao-insert-table (which &optional year)
  "插入表二/表三/表四: the standard table WHICH at the next line.
WHICH is \"二\", \"三\" or \"四\"; YEAR as for `nianbao-insert-skeleton'."
  (interactive (list (completing-read "插入表格: " '("二" "三" "四") nil t) nil))
  (let* ((n (or (nianbao-table-number which) (user-error "用法：二、三或四")))
         (body (or (nianbao-section-body (nianbao--skeleton (nianbao--year year)) n)
                   (error "模板中没有表%s" (aref nianbao--numerals (1- n))))))
    (unless (bolp) (end-of-line) (insert "\n"))
    (insert body)))

(provide 'nianbao)
;;; nianbao.el ends here
