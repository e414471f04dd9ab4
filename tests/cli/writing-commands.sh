# writing-commands.sh — sourced by the CLI tests that try every command
# that writes a project (read-only files, a busy project): one list, so
# that a new writing command is tried by all of them. Each entry is
# "COMMAND|ARGUMENTS after FILE", for the news sample aligned and with
# bead 1 merged with bead 2; $samples must be set.
writing_commands=(
  "import|--side target $samples/001-wikipedia-en.txt"
  "align|"
  "edit|confirm 1"
  "edit|merge 2"
  "edit|split 1 1 1"
  "edit|move 2 source up"
  "edit|gap 1"
  "edit|text 1 source 1 Testo"
  "edit|undo"
  "check|"
  "glossary|add accordo agreement"
  "glossary|import terms.tsv"
  "import-tmx|in.tmx"
  "import-pairs|pairs.tsv"
)
