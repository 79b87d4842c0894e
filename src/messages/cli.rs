//! `shouce --help` (cli.rs), in the system's language.

use super::{Text, t};

/// The help of a command or option: `build`, `new.page`, an option of one command
/// (`pdf.industry`), or an option wherever it appears (`root`).
pub fn cli_help(key: &str) -> Option<Text> {
    let (zh, en) = match key {
        "about" => (
            "把一个 Markdown 文件夹变成能搜索、能打印、放在共享盘上就能看的服务手册",
            "Turns a folder of Markdown into a searchable, printable handbook that works from a file share",
        ),
        "version" => ("显示版本", "Print the version"),
        "help" => ("显示帮助", "Print help"),
        "quiet" => ("只显示错误", "Print only errors"),
        "root" => (
            "手册文件夹：放 handbook.yaml 和 content 的那个",
            "The handbook folder: the one that holds handbook.yaml and content/",
        ),
        "build" => ("从 DIR/content 生成网站", "Build the site from DIR/content into the output folder"),
        "build.out" => (
            "网站写到哪里（默认 DIR/public），从任何文件夹打开里面的 index.html 都能看",
            "Where to write the site (default: DIR/public); open index.html in it from any folder",
        ),
        "build.allow_broken_links" => (
            "链接指向不存在的页面或小标题时只警告、照样生成（手册还在写的时候用）",
            "Publish even with links to missing pages or headings (as warnings), for a handbook still being written",
        ),
        "build.compare" => (
            "和以前的一版比较（它的网站文件夹，或其中的 _shouce/edition.json），生成修订记录页，并在改动过的页面上标注本版修订",
            "Compare with an earlier edition (its site folder, or its _shouce/edition.json): write the revisions page and mark every changed page",
        ),
        "pdf.page" => (
            "只打印一个页面，做成讲义（页面文件的路径，和 shouce check 显示的一样，如 content/03-etiquette/03-conduct.md）",
            "Print one page as a handout (its file as shouce check shows it, e.g. content/03-etiquette/03-conduct.md)",
        ),
        "pdf.chapter" => (
            "只打印一章（content 里的一个文件夹及其下所有页面），做成讲义",
            "Print one chapter (a folder in content with everything below it) as a handout",
        ),
        "pdf.edition" => (
            "讲师版（trainer，默认：答案完整，末尾附参考答案）或学员版（trainee：答案处留出横线，供学员书写）",
            "trainer (the default: answers in full, an answer key at the end) or trainee (ruled space to write in where the answers are)",
        ),
        "pdf.changes" => (
            "装订本开头附上本版修订记录：和 OLD（以前的一版的网站文件夹，如共享盘上发布的那一版）比较",
            "Open the binder with this edition's revisions, compared with OLD (an earlier edition's site folder, such as the one published on the share)",
        ),
        "pdf" => (
            "用 Chromium、Chrome 或 Edge 把培训手册（整本，或一个行业）打印成 PDF",
            "Print a training binder (the whole handbook, or one industry) to PDF with Chromium, Chrome or Edge",
        ),
        "pdf.industry" => (
            "只打印这个行业的页面（handbook.yaml 里的 id 或名称）；默认打印整本手册",
            "Only this industry's pages (an id or name from handbook.yaml); default: the whole handbook",
        ),
        "pdf.out" => {
            ("写出的 PDF 文件（默认 ID.pdf 或 handbook.pdf）", "The PDF to write (default: ID.pdf, or handbook.pdf)")
        }
        "pdf.browser" => (
            "用哪个浏览器打印（默认 $SHOUCE_BROWSER，否则找到的第一个 Chromium、Chrome 或 Edge）",
            "The browser to print with (default: $SHOUCE_BROWSER, else the first Chromium, Chrome or Edge found)",
        ),
        "pdf.timeout" => (
            "浏览器一遍打印超过这么多秒还没完成就停下",
            "Stop a browser that has not finished one print pass within this many seconds",
        ),
        "serve" => (
            "生成并在 127.0.0.1 上预览；手册一改就重新生成，打开的页面自动刷新",
            "Build, serve on 127.0.0.1, and rebuild and reload open pages when the handbook changes",
        ),
        "serve.port" => (
            "端口；被占用时往上找空闲的（最多 20 个）",
            "The port to serve on; if it is taken, the next free one up to 20 above is used",
        ),
        "serve.bind" => (
            "监听的地址（IP 地址或 localhost）；不是 127.0.0.1 时，网络上的其他人也能看",
            "The address to listen on (an IP address, or localhost); anything but 127.0.0.1 lets others on the network read the handbook",
        ),
        "serve.drafts" => (
            "也显示页头写了 `draft: true` 的页面（build 不发布它们）",
            "Also show pages marked `draft: true` (build leaves them out)",
        ),
        "check" => (
            "只检查不生成：页头信息、链接、锚点、图片、标题、行业，以及在 Windows 共享盘上不能用的文件名；有错误时退出码为 1",
            "Check the handbook without building it: front matter, links, anchors, images, titles, industries, and names that break on a Windows file share; exit code 1 on any error",
        ),
        "check.format" => (
            "`text` 给人看（写到 stderr），`json` 给程序用（stdout 上的数组）",
            "`text` for people (on stderr), `json` for tools (an array of findings on stdout)",
        ),
        "new" => (
            "新建一页，或者按案例模板新建一个案例",
            "Create a page, or a case from the case template, with front matter",
        ),
        "new.page" => (
            "新建一页：content/PATH.md，带页头信息和要替换的〔在这里…〕",
            "A page: content/PATH.md with front matter and placeholders to replace",
        ),
        "new.case" => (
            "新建一个案例：情景对话、案例分析、你可以做得更好的是",
            "A case as in the case book: the situation as dialogue, 案例分析, and 你可以做得更好的是",
        ),
        "path" => (
            "放在 content 里的哪里，例如 `01-etiquette/04-phone`（自动加 .md）",
            "Where to put it, inside content/, e.g. `01-etiquette/04-phone` (\".md\" is added)",
        ),
        "title" => (
            "标题（默认用去掉编号的文件名，例如 `phone`）",
            "The title (default: the file name without its number, e.g. `phone`)",
        ),
        "industry" => (
            "handbook.yaml 里的行业 id 或名称；几个行业就重复写，或用逗号隔开",
            "An industry id or name from handbook.yaml; repeat it or separate them with commas for several",
        ),
        "init" => (
            "在 DIR 里新建一本手册（handbook.yaml 和示例内容），建好就能生成",
            "Create a new handbook in DIR (handbook.yaml and example content) that builds as it is",
        ),
        "init.dir" => (
            "要新建的文件夹；不用 --force 时它必须是空的或不存在",
            "The folder to create; it must be empty or missing unless --force is given",
        ),
        "init.force" => (
            "写进一个不空的文件夹：已有的文件跳过，从不覆盖",
            "Write into a folder that is not empty: files that exist are skipped, never replaced",
        ),
        "publish" => (
            "生成手册并更新 DEST（例如共享盘上的文件夹）里的网站：只复制有变化的文件，复制期间网站一直能看",
            "Build the handbook and bring the site at DEST (a folder on a share) up to date: only changed files are copied, and the site stays readable meanwhile",
        ),
        "publish.dest" => (
            "发布到哪个文件夹：空文件夹，或者以前发布过的文件夹；不存在时只新建最后一层",
            "The folder to publish to: an empty one, or one published before; if it is missing, only its last folder is created",
        ),
        "publish.dry_run" => (
            "只列出会复制和删除哪些文件，什么都不改",
            "Only list the files that would be copied and removed; change nothing",
        ),
        _ => return None,
    };
    Some(t(zh, en))
}

/// The layout of `--help` with headings in the language of the text (clap's are English).
pub fn cli_help_template(subcommands: bool, positionals: bool) -> Text {
    let mut zh = String::from("{about-with-newline}\n用法：{usage}\n");
    let mut en = String::from("{about-with-newline}\nUsage: {usage}\n");
    if subcommands {
        zh.push_str("\n命令：\n{subcommands}\n");
        en.push_str("\nCommands:\n{subcommands}\n");
    }
    if positionals {
        zh.push_str("\n参数：\n{positionals}\n");
        en.push_str("\nArguments:\n{positionals}\n");
    }
    zh.push_str("\n选项：\n{options}\n");
    en.push_str("\nOptions:\n{options}\n");
    t(zh, en)
}
