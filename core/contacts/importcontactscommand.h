#pragma once

#include <QStringList>
#include <QTextStream>

#include <functional>

namespace enlace {

class ContactImporter;

// `enlace-server import-contacts`: imports a CSV file of contacts from the command line.
//   import-contacts --database URL --name NAME --phone-columns a,b [--external-id-column c]
//                   [--into-existing] [--language es|en|pt_BR] FILE
// args are the arguments after the command's name. Progress goes to out, one line at most each
// second, then one result line; problems go to err. Ctrl+C (SIGINT) cancels and rolls back.
class ImportContactsCommand final
{
public:
    enum ExitCode : int {
        Ok = 0,   // every contact imported
        Usage = 1,   // bad or missing arguments (the usage is printed)
        Rejected = 2,   // the file (or the choice of columns/name) is invalid: nothing imported
        StoreError = 3,   // the database could not be opened or written: nothing imported
        Cancelled = 4,   // cancelled (SIGINT): nothing imported
    };

    // onStart, when given, is called with the importer before it starts (tests, embedding).
    static int run(const QStringList &args, QTextStream &out, QTextStream &err,
                   const std::function<void(ContactImporter &)> &onStart = {});
};

inline int runImportContacts(const QStringList &args, QTextStream &out, QTextStream &err)
{
    return ImportContactsCommand::run(args, out, err);
}

}   // namespace enlace
