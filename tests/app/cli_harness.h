#pragma once
// Runs wslatlas-cli as a user does and checks the contract every command shares: exit codes and
// one-line errors. Shared by the CLI test files.
#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace clitest {

struct CliRun
{
    int exitCode = -1;
    bool crashed = false;
    std::string out;
    std::string err;
};

inline std::ostream &operator<<(std::ostream &os, const CliRun &run)
{
    return os << "exit " << run.exitCode << "\n--- stdout ---\n"
              << run.out.substr(0, 2000) << "\n--- stderr ---\n"
              << run.err.substr(0, 2000);
}

struct CliOptions
{
    QByteArray stdinData;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    int timeoutMs = 120000;
};

inline CliRun cli(const QStringList &arguments, const CliOptions &options)
{
    QProcess process;
    process.setProgram(QStringLiteral(WSLATLAS_CLI));
    process.setArguments(arguments);
    process.setProcessEnvironment(options.environment);
    process.start();
    if (!options.stdinData.isEmpty())
        process.write(options.stdinData);
    process.closeWriteChannel();
    CliRun run;
    if (!process.waitForFinished(options.timeoutMs)) {
        process.kill();
        process.waitForFinished();
        ADD_FAILURE() << "wslatlas-cli did not finish: " << arguments.join(QLatin1Char(' ')).toStdString();
    }
    run.crashed = process.exitStatus() != QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput().toStdString();
    run.err = process.readAllStandardError().toStdString();
    return run;
}

inline CliRun cli(const QStringList &arguments, int timeoutMs = 120000)
{
    CliOptions options;
    options.timeoutMs = timeoutMs;
    return cli(arguments, options);
}

inline int lineCount(const std::string &text)
{
    if (text.empty())
        return 0;
    int lines = 0;
    for (char c : text)
        lines += c == '\n';
    return text.back() == '\n' ? lines : lines + 1;
}

// Exit 2 and exactly one line on stderr, prefixed with the program's name.
inline void expectOneLineError(const CliRun &run)
{
    EXPECT_FALSE(run.crashed) << run;
    EXPECT_EQ(run.exitCode, 2) << run;
    EXPECT_EQ(lineCount(run.err), 1) << run;
    EXPECT_EQ(run.err.rfind("wslatlas-cli: ", 0), 0u) << run;
}

inline QJsonObject jsonObject(const std::string &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString() << "\n" << text;
    EXPECT_TRUE(doc.isObject()) << text;
    return doc.object();
}

inline QJsonObject readJsonObject(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ADD_FAILURE() << "cannot open " << path.toStdString();
        return {};
    }
    return jsonObject(file.readAll().toStdString());
}

inline void writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly)) << path.toStdString();
    ASSERT_EQ(file.write(data), data.size());
}

} // namespace clitest
